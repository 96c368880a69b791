// node:os as bundled: the built-in module itself, without the ESM facade (infra/bundling.ts).
module.exports = process.getBuiltinModule('node:os');
