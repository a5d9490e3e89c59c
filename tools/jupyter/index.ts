// The notebook tooling's public face, for tests and other tools.
export { decideStart, missingMessage, launchArgs, parseStartFlags, type Situation, type Plan, type JupyterApp, type Executable, type MissingReason } from './decide';
export { findExecutable, findJupyterPython, findPython, probeSituation } from './probe';
export { root, notebooksDir, jupyterDir, resultsDir, siteDir, jupyterEnv } from './project';
export { runNotebooks, lessonNotebooks, executedDir, NBCLIENT_HINT, type NotebookRun } from './notebooks';
export { buildPages, chartScripts } from './html';
export { stripped } from './strip';
