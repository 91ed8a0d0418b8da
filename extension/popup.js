import { popup_main } from './pkg/extension.js';
import { run } from './pages.js';

run(() => popup_main());
