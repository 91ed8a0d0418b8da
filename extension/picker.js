import { picker_main } from './pkg/extension.js';
import { run } from './pages.js';

run(() => picker_main());
