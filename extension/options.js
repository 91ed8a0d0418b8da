import { options_main } from './pkg/extension.js';
import { run } from './pages.js';

run(() => options_main());
