// The schema's version: bumped whenever a field, list or sheet is added or changed, so "Set up register" knows to upgrade.
export const SCHEMA_VERSION = 3;
