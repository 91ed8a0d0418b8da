import { options_main } from './pkg/porte_voix.js';
import { run } from './pages.js';

run(() => options_main());
