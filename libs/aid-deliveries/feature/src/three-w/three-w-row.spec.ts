import type { GazetteerPlace } from '@coord/read-model';
import { Gazetteer } from './gazetteer';
import { readCsvRecords } from './three-w-file';
import { readLayout } from './three-w-layout';
import { ThreeWRowReader, type RowOutcome } from './three-w-row';
import { readCount, readDate } from './three-w-values';

const place = (pcode: string, name: string, level: number, parentPcode: string | null, validFrom: string | null = '2021-12-20'): GazetteerPlace => ({
  pcode,
  name,
  level,
  parentPcode,
  validFrom,
});

const GAZETTEER = new Gazetteer([
  place('MLI', 'Mali', 0, null, null),
  place('ML05', 'Mopti', 1, 'MLI'),
  place('ML0506', 'Mopti', 2, 'ML05'),
  place('ML07', 'Gao', 1, 'MLI'),
  place('ML0701', 'Ansongo', 2, 'ML07'),
  place('ML070101', 'Ansongo commune', 3, 'ML0701'),
  place('ML09', 'Bamako', 1, 'MLI'),
  place('ML0901', 'Bamako', 2, 'ML09'),
  place('ML10', 'Ménaka', 1, 'MLI'),
  place('ML1003', 'Anderamboukane', 2, 'ML10'),
  place('CAF', 'Central African Republic', 0, null, null),
  place('CF11', "Ombella M'Poko", 1, 'CAF', '2015-06-15'),
  place('CF111', 'Bimbo', 2, 'CF11', '2015-06-15'),
  place('CF71', 'Bangui', 1, 'CAF', '2015-06-15'),
  place('CF711', 'Bangui', 2, 'CF71', '2015-06-15'),
]);

/** Reads the data rows of a small 3W (header and HXL rows first) and answers each row's outcome. */
const read = (csv: string): RowOutcome[] => {
  const records = readCsvRecords(csv);
  const layout = readLayout(records);
  const reader = new ThreeWRowReader(layout, GAZETTEER);
  return records.slice(layout.dataStart).map((record) => reader.read(record));
};
const MALI_HEAD = 'Org,admin1Pcod,Region,admin2Pcod,Cercle\n#org+name,#adm1+code,#adm1+name,#adm2+code,#adm2+name\n';

describe('ThreeWRowReader', () => {
  it('reads a row into a presence at its most precise P-code, with the boundary version it matched', () => {
    const [outcome] = read(`${MALI_HEAD}Educo,ML05,Mopti,ML0506,Mopti\n`);
    expect(outcome).toEqual({
      kind: 'read',
      fixes: [],
      presences: [
        {
          row: 3,
          organization: { names: ['Educo'], acronyms: [], type: null },
          role: 'IMPLEMENTING',
          sector: null,
          sectorLabel: null,
          location: 'ML0506',
          locationLevel: 2,
          parentLocation: 'ML05',
          locationUnknown: false,
          boundaryVersion: '2021-12-20',
          activity: null,
          periodStart: null,
          periodEnd: null,
          targeted: null,
          reached: null,
        },
      ],
    });
  });

  it('fixes the ISO3 country prefix (MLI05 → ML05) and trailing spaces, and says so', () => {
    const [outcome] = read(`${MALI_HEAD}GARI ,MLI05,Mopti,ML0506 ,Mopti\n`);
    expect(outcome.kind === 'read' && outcome.fixes).toEqual([
      { row: 3, field: '#adm1+code', from: 'MLI05', to: 'ML05', rule: 'country-prefix' },
      { row: 3, field: '#adm2+code', from: 'ML0506 ', to: 'ML0506', rule: 'trim' },
      { row: 3, field: '#org+name', from: 'GARI ', to: 'GARI', rule: 'trim' },
    ]);
    expect(outcome.kind === 'read' && outcome.presences[0]).toMatchObject({ location: 'ML0506', parentLocation: 'ML05', organization: { names: ['GARI'] } });
  });

  it("takes the region from the district when the region cell holds the district's code or an unknown code and the region's name agrees", () => {
    const outcomes = read(`${MALI_HEAD}UNHCR,ML0901,Bamako,ML0901,Bamako\nPNUD,MLI11,Menaka,ML1003,Anderamboukane\n`);
    expect(outcomes.map((outcome) => outcome.kind === 'read' && outcome.fixes)).toEqual([
      [{ row: 3, field: '#adm1+code', from: 'ML0901', to: 'ML09', rule: 'adm1-from-adm2' }],
      [{ row: 4, field: '#adm1+code', from: 'MLI11', to: 'ML10', rule: 'adm1-from-adm2' }],
    ]);
  });

  it('refuses a district that lies in another region than the row says', () => {
    expect(read('P1,PCODE1,P2,PCODE2,A\n#adm1+name,#adm1+code,#adm2+name,#adm2+code,#org+name\nBangui,CF71,Bimbo,CF111,MAF\n')).toEqual([
      { kind: 'rejected', reason: "#adm2+code CF111 (Bimbo) lies in CF11 (Ombella M'Poko), not in CF71 (Bangui) as the row says" },
    ]);
  });

  it('keeps a P-code the gazetteer does not know (an older boundary version), flagged, under the row’s parent', () => {
    const [outcome] = read('#adm1+code,#adm2+code,#org+name\nCF71,CF713,ACF\n');
    expect(outcome.kind === 'read' && outcome.presences[0]).toMatchObject({
      location: 'CF713',
      locationLevel: 2,
      parentLocation: 'CF71',
      locationUnknown: true,
      boundaryVersion: null,
    });
  });

  it('maps the sector wording, English first in a bilingual file, and reports mappings that are not the name itself', () => {
    const outcomes = read(
      '#sector+i_fr,#sector+i_en,#org,#adm2+code\nEHA,,ACF,ML0506\nSanté,Health,ACF,ML0506\nAbris/AnA,Shelter/NFI,ACF,ML0506\nCoordination,,ACF,ML0506\n',
    );
    expect(outcomes.map((outcome) => (outcome.kind === 'read' ? [outcome.presences[0].sector, outcome.presences[0].sectorLabel, outcome.fixes.map((fix) => fix.rule)] : outcome.reason))).toEqual([
      ['WASH', 'EHA', ['sector-vocabulary']],
      ['HEALTH', 'Health', []],
      ['SHELTER', 'Shelter/NFI', ['sector-vocabulary']],
      expect.stringMatching(/^sector Coordination is not one of the platform's sectors/),
    ]);
  });

  it('reads figures and dates, fixing their formats, and refuses what cannot be read', () => {
    const outcomes = read(
      [
        '#org,#adm2+code,#targeted,#reached,#date+start,#date+end,#activity,#meta+role',
        'ACF,ml0506,1 200,300,01/03/2022,2022-03-31,Dépistage,funding',
        'ACF,ML0506,12.5,,,,,',
        'ACF,ML0506,,,2022-04-01,2022-03-01,,',
        'ACF,N/A,,,,,,',
        ',,,,,,,',
        'ACF,ML0506,,,,,,WATCHING',
        ',ML0506,,,,,,',
      ].join('\n'),
    );
    expect(outcomes[0]).toMatchObject({
      kind: 'read',
      presences: [{ location: 'ML0506', targeted: 1200, reached: 300, periodStart: '2022-03-01', periodEnd: '2022-03-31', activity: 'Dépistage', role: 'FUNDING' }],
      fixes: [
        { field: '#adm2+code', from: 'ml0506', to: 'ML0506', rule: 'upper-case' },
        { field: '#date+start', from: '01/03/2022', to: '2022-03-01', rule: 'date-format' },
        { field: '#targeted', from: '1 200', to: '1200', rule: 'number-format' },
      ],
    });
    expect(outcomes.slice(1).map((outcome) => outcome.kind === 'rejected' && outcome.reason)).toEqual([
      '#targeted: 12.5 is not a whole number of people',
      'the period ends (2022-03-01) before it starts (2022-04-01)',
      '#adm2+code: N/A is not a P-code',
      'no P-code: #adm1+code, #adm2+code and #adm3+code are empty',
      '#meta+role: WATCHING is not a role (REPORTING, IMPLEMENTING, FUNDING)',
      'no organisation: the #org cells are empty',
    ]);
  });

  it('refuses a delivery exported by the platform, which an import must not turn into a presence', () => {
    const [outcome] = read('#org,#adm2+code,#meta+id\nWFP,ML0506,AidDelivery-6f1f0c4e\n');
    expect(outcome).toEqual({ kind: 'rejected', reason: expect.stringMatching(/^AidDelivery-6f1f0c4e is a delivery exported by the platform/) });
  });

  it('reads one presence per organisation role group of a row', () => {
    const [outcome] = read('#org+impl,#org+funder,#adm2+code\nACF,ECHO,ML0506\n');
    expect(outcome.kind === 'read' && outcome.presences.map((presence) => `${presence.organization.names[0]}:${presence.role}`)).toEqual([
      'ACF:IMPLEMENTING',
      'ECHO:FUNDING',
    ]);
  });

  it('reads the adm3 of a commune row and refuses a code at the wrong level', () => {
    const [commune, wrongLevel] = read('#org,#adm2+code,#adm3+code\nACF,ML0701,ML070101\nACF,ML07,\n');
    expect(commune.kind === 'read' && commune.presences[0]).toMatchObject({ location: 'ML070101', locationLevel: 3, parentLocation: 'ML0701' });
    expect(wrongLevel).toEqual({ kind: 'rejected', reason: '#adm2+code: ML07 is an admin level 1 code, not 2' });
  });
});

describe('readDate and readCount', () => {
  it.each([
    ['2022-03-31', { value: '2022-03-31', rule: null }],
    ['2022-03-31T00:00:00Z', { value: '2022-03-31', rule: 'date-format' }],
    ['31/03/2022', { value: '2022-03-31', rule: 'date-format' }],
    ['44651', { value: '2022-03-31', rule: 'date-format' }],
    ['2022-02-30', { error: '2022-02-30 is not a calendar date' }],
    ['31/02/2022', { error: '31/02/2022 is not a calendar date (day/month/year)' }],
    ['March 2022', { error: 'March 2022 is not a date (YYYY-MM-DD or DD/MM/YYYY)' }],
  ])('date %j', (text, expected) => {
    expect(readDate(text)).toEqual(expected);
  });

  it.each([
    ['1200', { value: 1200, rule: null }],
    ['1 200', { value: 1200, rule: 'number-format' }],
    ['1,200,000', { value: 1_200_000, rule: 'number-format' }],
    ['1200.0', { value: 1200, rule: 'number-format' }],
    ['-3', { error: '-3 is not a whole number of people' }],
    ['12,5', { error: '12,5 is not a whole number of people' }],
  ])('count %j', (text, expected) => {
    expect(readCount(text)).toEqual(expected);
  });
});
