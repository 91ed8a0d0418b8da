import { library_main } from './pkg/extension.js';
import { run } from './pages.js';

run(() => library_main());
