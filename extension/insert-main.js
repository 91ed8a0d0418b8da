// Porte-voix page-world helper for inserting text (Firefox). Firefox drops the DataTransfer of a
// paste or beforeinput event built in a content script, so the content script asks this script,
// which runs in the page's own world, to build and dispatch the event (measured in Firefox 153: a
// ClipboardEvent built even here gets an empty DataTransfer of its own, which must be filled): a `porte-voix-insert`
// CustomEvent dispatched on the composer, whose detail is JSON {secret, kind, inputType, text}.
// It runs before the page's scripts (document_start) and keeps its own copies of the DOM
// functions it uses, so the page cannot patch them; its listener comes first on window in the
// capture phase and stops the request there, so page listeners never see it. The first request
// fixes the secret of this page load; others are ignored. A handled request is cancelled, which
// tells the content script it was done. It does nothing else: what it dispatches the page could
// dispatch itself.
(() => {
  'use strict';

  const EVENT = 'porte-voix-insert';
  const DT = DataTransfer;
  const Clip = ClipboardEvent;
  const Input = InputEvent;
  const setData = DataTransfer.prototype.setData;
  const getData = DataTransfer.prototype.getData;
  const clipboardData = Object.getOwnPropertyDescriptor(ClipboardEvent.prototype, 'clipboardData').get;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const stop = Event.prototype.stopImmediatePropagation;
  const cancel = Event.prototype.preventDefault;
  const path = Event.prototype.composedPath;
  const detail = Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail').get;
  const parse = JSON.parse;
  let secret = null;

  window.addEventListener(
    EVENT,
    (event) => {
      stop.call(event);
      let req;
      try {
        req = parse(detail.call(event));
      } catch {
        return;
      }
      if (!req || typeof req.secret !== 'string' || typeof req.text !== 'string') return;
      if (secret === null) secret = req.secret;
      if (req.secret !== secret) return;
      const target = path.call(event)[0];
      const init = { bubbles: true, cancelable: true, composed: true };
      let made;
      if (req.kind === 'paste') {
        const data = new DT();
        setData.call(data, 'text/plain', req.text);
        made = new Clip('paste', { ...init, clipboardData: data });
        // Firefox gives the event a DataTransfer of its own, empty: fill that one
        const own = clipboardData.call(made);
        if (own && getData.call(own, 'text/plain') !== req.text) setData.call(own, 'text/plain', req.text);
      } else if (req.kind === 'beforeinput' && typeof req.inputType === 'string') {
        let data = null;
        if (req.text !== '') {
          data = new DT();
          setData.call(data, 'text/plain', req.text);
        }
        made = new Input('beforeinput', { ...init, inputType: req.inputType, dataTransfer: data });
      } else {
        return;
      }
      dispatch.call(target, made);
      cancel.call(event);
    },
    true,
  );
})();
