/**
 * Node-only helpers of @onething/engine: file loading, the CLI, standalone validators, typegen.
 * @packageDocumentation
 */
export { readBundleFile, FileReadError } from './readBundleFile.js';
export { formatDiagnostics } from './formatDiagnostics.js';
export { summarizeBundle } from './summarizeBundle.js';
export { compileStandalone } from './compileStandalone.js';
export { compileBundleModule } from './compileBundleModule.js';
export type { BundleModuleStats } from './compileBundleModule.js';
export { generateTypes } from './generateTypes.js';
export { main as runCli } from './cli.js';
