// The sidebar's phone metadata: libphonenumber's min metadata without its number formats, which only formatting reads.

import type { Plugin } from 'esbuild';
import type { MetadataJson } from 'libphonenumber-js/core';

type Entry = unknown[];

// Index of the formats in a country's (or non-geographic entity's) compressed metadata array.
const FORMATS = 4;

/**
 * Parsing and validity read the calling code, prefixes, patterns and lengths, never the formats; without
 * them min metadata is 33 KB instead of 83 KB. The sidebar shows E.164 and the server's spaced form, so it
 * formats nothing itself. A unit test reads every example number through both and expects the same result.
 */
export function parsingOnly(metadata: MetadataJson): MetadataJson {
  const strip = (entries: Record<string, Entry> = {}) =>
    Object.fromEntries(
      Object.entries(entries).map(([k, e]) => [k, e.map((v, i) => (i === FORMATS ? [] : v))]),
    );
  const m = metadata as unknown as {
    countries: Record<string, Entry>;
    nonGeographic?: Record<string, Entry>;
  };
  return {
    ...metadata,
    countries: strip(m.countries),
    nonGeographic: strip(m.nonGeographic),
  } as MetadataJson;
}

/** esbuild plugin: the sidebar's import of min metadata gets the parsing-only copy. */
export function sidebarPhoneMetadata(): Plugin {
  return {
    name: 'sidebar-phone-metadata',
    setup(b) {
      b.onResolve({ filter: /^libphonenumber-js\/metadata\.min\.json$/ }, (args) => ({
        path: args.path,
        namespace: 'phone-metadata',
      }));
      b.onLoad({ filter: /.*/, namespace: 'phone-metadata' }, async () => {
        const { default: min } = await import('libphonenumber-js/metadata.min.json');
        return { contents: JSON.stringify(parsingOnly(min as MetadataJson)), loader: 'json' };
      });
    },
  };
}
