// The Sheets advanced service: a global only when the manifest enables it, atomic batches on the same model, one metered call each.

import { messages } from '../src';
import { CLERK, OWNER, scriptEmulator } from './runtime-helpers';

const MANIFEST = {
  timeZone: 'Asia/Shanghai',
  dependencies: { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] },
};

const SCRIPT = `
function ids() {
  const ss = SpreadsheetApp.getActive();
  const sheet = ss.getSheets()[0];
  return { id: ss.getId(), sheetId: sheet.getSheetId() };
}
function batch(requests) {
  return Sheets.Spreadsheets.batchUpdate({ requests: requests }, SpreadsheetApp.getActive().getId());
}
function tryBatch(requests) {
  try { batch(requests); return 'ok'; } catch (e) { return e.name + ': ' + e.message; }
}
function read(fields, ranges) {
  const args = ranges ? { fields: fields, ranges: ranges } : { fields: fields };
  return Sheets.Spreadsheets.get(SpreadsheetApp.getActive().getId(), args);
}
function addSheet(name) { SpreadsheetApp.getActive().insertSheet(name); }
function tryRead(ranges) {
  try { read('sheets.properties.title', ranges); return 'ok'; } catch (e) { return e.message; }
}
function hasSheets() { return typeof Sheets; }
function onOpen() {
  try { Sheets.Spreadsheets.get('x'); } catch (e) { console.log(e.message); }
}
function columnTags() {
  return SpreadsheetApp.getActive().getSheets()[0].createDeveloperMetadataFinder().withKey('cr.field').find()
    .map(function (m) { return m.getLocation().getColumn().getA1Notation() + '=' + m.getValue(); });
}
function cellFacts(a1) {
  const r = SpreadsheetApp.getActive().getSheets()[0].getRange(a1);
  const rule = r.getDataValidation();
  return {
    format: r.getNumberFormat(),
    width: r.getSheet().getColumnWidth(r.getColumn()),
    rule: rule && { type: String(rule.getCriteriaType()), help: rule.getHelpText(), allowInvalid: rule.getAllowInvalid(),
      source: rule.getCriteriaValues()[0] && rule.getCriteriaValues()[0].getA1Notation ? rule.getCriteriaValues()[0].getA1Notation() : null },
  };
}
function protectA(users) {
  const p = SpreadsheetApp.getActive().getSheets()[0].getRange('A:A').protect();
  p.removeEditors(p.getEditors()); p.addEditors(users);
}
`;

function setup(manifest: object | null = MANIFEST) {
  const emu = scriptEmulator(SCRIPT, manifest ? { manifest } : {});
  const { sheetId } = emu.run(OWNER, 'ids') as { sheetId: number };
  return { emu, sheetId };
}

const column = (sheetId: number, c: number) => ({
  sheetId,
  dimension: 'COLUMNS',
  startIndex: c - 1,
  endIndex: c,
});

describe('Sheets advanced service', () => {
  it('is a global only when appsscript.json enables it, under the symbol it names', () => {
    expect(setup(null).emu.run(OWNER, 'hasSheets')).toBe('undefined');
    expect(setup().emu.run(OWNER, 'hasSheets')).toBe('object');
  });

  it('needs authorization: an add-on not yet enabled in the file (AuthMode.NONE) may not call it', () => {
    const { emu } = setup();
    emu.open(OWNER, { authMode: 'NONE' });
    expect(emu.logs.join('\n')).toMatch(/Authorization is required to perform that action\./);
  });

  it('applies tags, widths, rules and formats in one call that SpreadsheetApp then reads', () => {
    const { emu, sheetId } = setup();
    const before = emu.meter.executions.length;
    emu.run(OWNER, 'batch', [
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: 'cr.field',
            metadataValue: 'phone',
            location: { dimensionRange: column(sheetId, 2) },
            visibility: 'PROJECT',
          },
        },
      },
      {
        updateDimensionProperties: {
          range: column(sheetId, 2),
          properties: { pixelSize: 160 },
          fields: 'pixelSize',
        },
      },
      {
        setDataValidation: {
          range: { sheetId, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
          rule: {
            condition: { type: 'ONE_OF_RANGE', values: [{ userEnteredValue: "='Sheet1'!$D$2:$D$10" }] },
            inputMessage: 'Pick one',
            strict: true,
            showCustomUi: true,
          },
        },
      },
      {
        repeatCell: {
          range: { sheetId, startRowIndex: 1, startColumnIndex: 1, endColumnIndex: 2 },
          cell: { userEnteredFormat: { numberFormat: { type: 'TEXT', pattern: '@' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      },
    ]);
    const run = emu.meter.executions[before];
    expect(run.sheetCalls).toBe(3); // getActive, getId, batchUpdate
    expect(run.calls['Sheets.Spreadsheets.batchUpdate']).toBe(1);
    expect(emu.run(OWNER, 'columnTags')).toEqual(['B:B=phone']);
    expect(emu.run(OWNER, 'cellFacts', 'B1000')).toEqual({
      format: '@',
      width: 160,
      rule: { type: 'VALUE_IN_RANGE', help: 'Pick one', allowInvalid: false, source: 'D2:D10' },
    });
    // The header row keeps its defaults: the ranges start at row 2.
    expect(emu.run(OWNER, 'cellFacts', 'B1')).toMatchObject({ rule: null });
  });

  it('refuses the whole batch when one request is invalid: nothing applied, the API’s text', () => {
    const { emu, sheetId } = setup();
    const out = emu.run(OWNER, 'tryBatch', [
      {
        updateDimensionProperties: {
          range: column(sheetId, 2),
          properties: { pixelSize: 160 },
          fields: 'pixelSize',
        },
      },
      { deleteProtectedRange: { protectedRangeId: 999 } },
    ]);
    expect(out).toBe(
      'GoogleJsonResponseException: API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[1].deleteProtectedRange: No protected range with id: 999',
    );
    expect(emu.run(OWNER, 'cellFacts', 'B2')).toMatchObject({ width: 100 });
    expect(emu.run(OWNER, 'tryBatch', [{ addBanding: {} }])).toMatch(/Unknown name "addBanding"/);
    expect(emu.run(OWNER, 'tryBatch', [{ setDataValidation: { range: { sheetId: 77 } } }])).toMatch(
      /Invalid requests\[0\]\.setDataValidation: No grid with id: 77/,
    );
  });

  it('refuses a batch touching a range the user may not edit, and applies none of it', () => {
    const { emu, sheetId } = setup();
    emu.run(OWNER, 'protectA', [OWNER]);
    const out = emu.run(CLERK, 'tryBatch', [
      {
        updateDimensionProperties: {
          range: column(sheetId, 2),
          properties: { pixelSize: 160 },
          fields: 'pixelSize',
        },
      },
      {
        repeatCell: {
          range: { sheetId, startRowIndex: 1, startColumnIndex: 0, endColumnIndex: 1 },
          cell: { userEnteredFormat: { numberFormat: { type: 'TEXT', pattern: '@' } } },
          fields: 'userEnteredFormat.numberFormat',
        },
      },
    ]);
    expect(out).toBe(
      `GoogleJsonResponseException: API call to sheets.spreadsheets.batchUpdate failed with error: ${messages.protectedCell}`,
    );
    expect(emu.run(OWNER, 'cellFacts', 'B2')).toMatchObject({ width: 100 });
    expect(emu.run(OWNER, 'cellFacts', 'A2')).toMatchObject({ format: expect.not.stringMatching(/^@$/) });
  });

  it('adds, reads, updates and deletes protections that SpreadsheetApp’s checks enforce', () => {
    const { emu, sheetId } = setup();
    const reply = emu.run(OWNER, 'batch', [
      {
        addProtectedRange: {
          protectedRange: {
            range: { sheetId, startRowIndex: 1, startColumnIndex: 2, endColumnIndex: 4 },
            description: 'credit',
            editors: { users: [OWNER] },
          },
        },
      },
      {
        addProtectedRange: { protectedRange: { range: { sheetId }, description: 'log', warningOnly: true } },
      },
    ]) as { replies: { addProtectedRange: { protectedRange: { protectedRangeId: number } } }[] };
    const id = reply.replies[0].addProtectedRange.protectedRange.protectedRangeId;
    expect(emu.edit(CLERK, 'Sheet1', 'C500', 'x')).toEqual({ ok: false, error: messages.protectedCell });
    expect(emu.edit(CLERK, 'Sheet1', 'C1', 'x')).toEqual({ ok: true });
    const got = emu.run(OWNER, 'read', 'sheets(properties(sheetId,title),protectedRanges)') as {
      sheets: { properties: object; protectedRanges: object[] }[];
    };
    expect(got.sheets[0]).toEqual({
      properties: { sheetId, title: 'Sheet1' },
      protectedRanges: [
        {
          protectedRangeId: id,
          range: { sheetId, startRowIndex: 1, startColumnIndex: 2, endColumnIndex: 4 },
          description: 'credit',
          warningOnly: false,
          requestingUserCanEdit: true,
          editors: { users: [OWNER], domainUsersCanEdit: false },
        },
        expect.objectContaining({ range: { sheetId }, description: 'log', warningOnly: true }),
      ],
    });
    emu.run(OWNER, 'batch', [
      {
        updateProtectedRange: {
          protectedRange: { protectedRangeId: id, editors: { users: [OWNER, CLERK] } },
          fields: 'editors',
        },
      },
    ]);
    expect(emu.edit(CLERK, 'Sheet1', 'C500', 'x')).toEqual({ ok: true });
    emu.run(OWNER, 'batch', [{ deleteProtectedRange: { protectedRangeId: id } }]);
    expect(
      (emu.run(OWNER, 'read', 'sheets.protectedRanges') as { sheets: { protectedRanges: unknown[] }[] })
        .sheets[0].protectedRanges,
    ).toHaveLength(1);
    // A second sheet protection is refused, as the API refuses it.
    expect(
      emu.run(OWNER, 'tryBatch', [{ addProtectedRange: { protectedRange: { range: { sheetId } } } }]),
    ).toMatch(/Sheet "Sheet1" already has sheet protection\./);
  });

  it('get answers only the fields asked for, column metadata included, in one call', () => {
    const { emu, sheetId } = setup();
    emu.run(OWNER, 'batch', [
      {
        createDeveloperMetadata: {
          developerMetadata: {
            metadataKey: 'k',
            metadataValue: 'v',
            location: { dimensionRange: column(sheetId, 3) },
          },
        },
      },
    ]);
    const before = emu.meter.executions.length;
    const got = emu.run(OWNER, 'read', 'sheets(properties.title,data.columnMetadata.developerMetadata)') as {
      sheets: {
        properties: object;
        data: { columnMetadata: { developerMetadata?: { metadataValue: string }[] }[] }[];
      }[];
    };
    expect(emu.meter.executions[before].calls['Sheets.Spreadsheets.get']).toBe(1);
    expect(got.sheets[0].properties).toEqual({ title: 'Sheet1' });
    const cols = got.sheets[0].data[0].columnMetadata;
    expect(cols[2].developerMetadata?.[0].metadataValue).toBe('v');
    expect(cols[1].developerMetadata).toEqual([]);
    // `ranges` limits grid data to the sheets named; an unknown one is refused.
    emu.run(OWNER, 'addSheet', 'Other log');
    const limited = emu.run(OWNER, 'read', 'sheets(properties.title,data.columnMetadata)', [
      "'Other log'",
    ]) as {
      sheets: { properties: { title: string }; data: unknown[] }[];
    };
    expect(limited.sheets.map((x) => [x.properties.title, x.data.length])).toEqual([
      ['Sheet1', 0],
      ['Other log', 1],
    ]);
    expect(emu.run(OWNER, 'tryRead', ['Nope'])).toBe(
      'API call to sheets.spreadsheets.get failed with error: Unable to parse range: Nope',
    );
  });
});
