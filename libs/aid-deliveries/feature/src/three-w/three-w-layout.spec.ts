import { parseHxlTag } from './hxl-tag';
import { readCsvRecords } from './three-w-file';
import { columnsFor, readLayout } from './three-w-layout';

const layoutOf = (csv: string) => readLayout(readCsvRecords(csv));
const mapping = (csv: string) => layoutOf(csv).columns.map((column) => `${column.index}:${column.tag}=${column.field}${column.language ? `@${column.language}` : ''}`);

describe('parseHxlTag', () => {
  it.each([
    ['#org+name', { hashtag: 'org', attributes: ['name'] }],
    ['#org +name', { hashtag: 'org', attributes: ['name'] }],
    ['  #ORG + Name + i_EN ', { hashtag: 'org', attributes: ['name', 'i_en'] }],
    ['#adm1_id', { hashtag: 'adm1', attributes: ['code'] }],
    ['#sector+cluster+name+i_fr', { hashtag: 'sector', attributes: ['cluster', 'name', 'i_fr'] }],
  ])('reads %j', (cell, tag) => {
    expect(parseHxlTag(cell)).toEqual(tag);
  });

  it.each([['org'], ['#'], ['#1adm'], ['#org+'], ['Organisation']])('is not fooled by %j', (cell) => {
    expect(parseHxlTag(cell)).toBeNull();
  });
});

describe('readLayout', () => {
  it('finds the HXL row under the header row and maps columns by hashtag, whatever their order, case and spacing', () => {
    const layout = layoutOf('Cercle,Org,Code,Région\n#ADM2 +Code,# org+ name,#adm1+code,#adm1+name\nML0506,Educo,ML05,Mopti\n');
    expect(layout).toMatchObject({ hashtagRow: 2, headerRow: 1, dataStart: 2, fixes: [] });
    expect(mapping('Cercle,Org,Code,Région\n#ADM2 +Code,# org+ name,#adm1+code,#adm1+name\n')).toEqual([
      '0:#adm2+code=adm2Code',
      '1:#org+name=orgName',
      '2:#adm1+code=adm1Code',
      '3:#adm1+name=adm1Name',
    ]);
  });

  it('finds the HXL row wherever it is: below title lines, or on the first line with no header above it', () => {
    expect(layoutOf('3W Mali March 2022,,\n,,\nOrg,P-code,Sector\n#org,#adm2+code,#sector\nEduco,ML0506,Education\n')).toMatchObject({
      hashtagRow: 4,
      headerRow: 3,
      dataStart: 4,
    });
    expect(layoutOf('#org,#adm2+code\nEduco,ML0506\n')).toMatchObject({ hashtagRow: 1, headerRow: null, dataStart: 1 });
  });

  it('takes the first row whose non-empty cells all start with #, not a row with one hashtag among values', () => {
    expect(layoutOf('Org,#adm2+code\n#org,#adm2+code,\nEduco,ML0506,\n')).toMatchObject({ hashtagRow: 2 });
  });

  it('maps by header names without an HXL row, French ones included, and reports each mapping as a fix', () => {
    const layout = layoutOf('Rapport,,,\nOrganisation;Secteur;PCODE1;Admin2 Pcode;Personnes ciblées;Date de début\n'.replace(/,/g, ';'));
    expect(layout.headerRow).toBe(2);
    expect(layout.columns.map((column) => column.tag)).toEqual(['#org+name', '#sector', '#adm1+code', '#adm2+code', '#targeted', '#date+start']);
    expect(layout.fixes).toContainEqual({ row: 2, field: 'Secteur', from: 'Secteur', to: '#sector', rule: 'header-name' });
    expect(layout.fixes).toContainEqual({ row: 2, field: 'Personnes ciblées', from: 'Personnes ciblées', to: '#targeted', rule: 'header-name' });
  });

  it("maps an HXL file's untagged columns by name, for fields its tags leave out only", () => {
    const layout = layoutOf('ACTEUR,TYPE_ORG,Region,PCODE2\n#org+name,,,#adm2+code\n');
    expect(layout.columns.map((column) => `${column.header}=${column.tag}`)).toEqual(['ACTEUR=#org+name', 'TYPE_ORG=#org+type', 'Region=#adm1+name', 'PCODE2=#adm2+code']);
    expect(layout.fixes.map((fix) => fix.field)).toEqual(['TYPE_ORG', 'Region']);
    const tagged = layoutOf('Nom,Organisation,Code\n#org+name,,#adm2+code\n');
    expect(tagged.columns.map((column) => column.header)).toEqual(['Nom', 'Code']);
  });

  it('reads bilingual columns and prefers English, then no language, then the plainest column', () => {
    const layout = layoutOf(
      'S_fr,S_en,N_fr,N_en,T_f,T,code\n#sector+name+i_fr,#sector+name+i_en,#org+name+i_fr,#org+name+i_en,#targeted+f,#targeted,#adm2+code\n',
    );
    expect(columnsFor(layout, 'sector').map((column) => column.header)).toEqual(['S_en', 'S_fr']);
    expect(columnsFor(layout, 'orgName').map((column) => column.language)).toEqual(['en', 'fr']);
    expect(columnsFor(layout, 'targeted').map((column) => column.header)).toEqual(['T', 'T_f']);
  });

  it('tells organisation roles apart by attribute', () => {
    const layout = layoutOf('#org+impl,#org+funder+name,#org+acronym+reporting,#adm1+code\n');
    expect(layout.columns.map((column) => `${column.field}:${column.role}`)).toEqual([
      'orgName:IMPLEMENTING',
      'orgName:FUNDING',
      'orgAcronym:REPORTING',
      'adm1Code:null',
    ]);
  });

  it('refuses a file without an organisation or a P-code column, saying what is missing', () => {
    expect(() => layoutOf('Name,Place\nEduco,Mopti\n')).toThrow(/no column for an organisation \(#org\) or a P-code/);
    expect(() => layoutOf('#org,#adm1+name\nEduco,Mopti\n')).toThrow(/no column for a P-code/);
    expect(() => layoutOf('')).toThrow(/no header row/);
  });
});

describe('readCsvRecords', () => {
  it('numbers records by the line they start on, across cells that span lines and blank lines', () => {
    expect(readCsvRecords('a,b\n"x\ny",z\n\nlast,1').map((record) => [record.line, record.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\ny', 'z']],
      [4, ['']],
      [5, ['last', '1']],
    ]);
  });

  it('reads a semicolon file as spreadsheets in French locales save it, and a byte-order mark', () => {
    expect(readCsvRecords('\uFEFFOrganisation;Secteur\nACF;"Santé; Nutrition"\n').map((record) => record.cells)).toEqual([
      ['Organisation', 'Secteur'],
      ['ACF', 'Santé; Nutrition'],
    ]);
  });

  it('refuses what is not CSV', () => {
    expect(() => readCsvRecords('a,"b\nc')).toThrow(/not a readable CSV/);
  });
});
