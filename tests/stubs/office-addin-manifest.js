// Jest cannot load office-addin-manifest (ESM-only dependencies); nothing under test calls it.
module.exports = {};
