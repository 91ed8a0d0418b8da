import { popup_main } from './pkg/porte_voix.js';
import { run } from './pages.js';

run(() => popup_main());
