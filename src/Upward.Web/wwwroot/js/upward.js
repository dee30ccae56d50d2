// Progressive enhancement only: every page works without this file.
import { initAll } from '/lib/nhsuk-frontend/nhsuk-frontend.min.js';

initAll();
