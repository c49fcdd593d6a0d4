// The studio's views and panels, set up together. Most of the page's code is here: the page
// loads it beside the detector's start (page.js), not before it.
import { setupDataView } from './data-view.js';
import { setupAugmentView } from './augment-view.js';
import { setupTrainView } from './train-view.js';
import { setupRunsView } from './runs-view.js';
import { setupEnsemblePanel } from './ensemble-panel.js';
import { setupAnalysisPanel } from './analysis-panel.js';
import { setupSubmissionPanel } from './submission-panel.js';
import { setupExperimentsView } from './experiments-view.js';
import { setupFacesView } from './faces-view.js';

/** Wires every studio view; `report(message, level)` shows a message on the page. */
export function setupStudio({ report }) {
  setupFacesView({ report });
  setupDataView({ report });
  setupAugmentView({ report });
  setupTrainView({ report });
  setupExperimentsView({ report });
  setupRunsView({ report });
  setupEnsemblePanel({ report });
  setupAnalysisPanel({ report });
  setupSubmissionPanel({ report });
}
