import { backlog_main } from './pkg/extension.js';
import { run } from './pages.js';

run(() => backlog_main());
