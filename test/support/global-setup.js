// Jest global setup: build dist/ once so the bundle tests always run the code that would be pushed.
// A targeted run of pure tests (e.g. `npx jest test/domain`) skips the build.
module.exports = async function globalSetup(globalConfig) {
  const tpp = globalConfig.testPathPatterns;
  const patterns = (tpp && (tpp.patterns || tpp._patterns)) || globalConfig.testPathPattern || [];
  const list = Array.isArray(patterns) ? patterns : [String(patterns)].filter(Boolean);
  const needsBundle =
    list.length === 0 || list.some((p) => /bundle|browser|scenario|playground|bench/.test(p));
  if (!needsBundle) return;
  const { buildAll } = await import('../../build/build.mjs');
  await buildAll();
};
