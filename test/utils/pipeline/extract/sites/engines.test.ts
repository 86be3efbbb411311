import { describe, expect, it } from 'vitest';
import { findSection } from '@/utils/pipeline/extract/find-section';
import { anySite } from '@/utils/pipeline/extract/sites/any-site';
import { useForOtherSites } from '@/utils/pipeline/extract/sites/registry';
import { threadByQuotes } from '@/utils/pipeline/thread/thread-by-quotes';
import { fixtureDocument, fixtureHtml, parseDocument } from '@/test/support/helpers';

// Every real forum and blog page in test/fixtures/real (unmodified public captures; line 1 names each
// source), read the way the content script on a site the reader enabled reads it: every post (its count
// checked against the page's own post markup), ids, authors, likes where shown, the thread's opening post,
// and every quote source the markup names; then threaded as those quotes say.

interface Expected {
  file: string;
  source: string;
  /** The page's own post markup, counted in the raw HTML: an oracle independent of the adapter. */
  posts: RegExp;
  ids: string[];
  authors: string[];
  votes: number[];
  opening: string | null;
  /** "<quoting post>\u003c<quoted post>" for every quote whose markup names its source post. */
  exact: string[];
  /** Authors quotes are attributed to ("Name wrote:", data-quote, data-author …). */
  named: string[];
}

const PAGES: Expected[] = [
  {
    file: 'phpbb-dostips.html',
    source: 'phpbb',
    posts: /<div id="p\d+" class="post /g,
    ids: [
      '55573',
      '55577',
      '55580',
      '55582',
      '55588',
      '55590',
      '55591',
      '55592',
      '55594',
      '55595',
      '55597',
      '55598',
      '55599',
      '55601',
      '55609',
    ],
    authors: [
      'penpen',
      'dbenham',
      'penpen',
      'dbenham',
      'jeb',
      'jeb',
      'dbenham',
      'dbenham',
      'jeb',
      'penpen',
      'dbenham',
      'dbenham',
      'jeb',
      'dbenham',
      'jeb',
    ],
    votes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    opening: null,
    exact: [
      '55573<55551',
      '55577<55573',
      '55591<55588',
      '55592<55590',
      '55594<55591',
      '55594<55592',
      '55594<55592',
      '55597<55594',
      '55598<55595',
      '55598<55551',
      '55599<55598',
      '55601<55599',
      '55609<55601',
      '55609<55601',
      '55609<55601',
    ],
    named: ['Output', 'dbenham', 'jeb', 'output', 'penpen'],
  },
  {
    file: 'phpbb-openoffice.html',
    source: 'phpbb',
    posts: /<div id="p\d+" class="post /g,
    ids: [
      '380430',
      '380433',
      '380440',
      '387502',
      '387508',
      '387566',
      '387618',
      '429800',
      '431476',
      '431479',
      '431507',
      '431509',
      '431582',
      '431590',
      '431593',
      '431664',
      '432597',
      '432598',
      '436515',
      '436522',
      '439286',
      '439321',
      '448046',
      '448051',
      '484514',
      '484539',
      '484540',
      '484958',
      '484997',
      '484998',
    ],
    authors: [
      'Wesley Pearce',
      'Zizi64',
      'Villeroy',
      'Edda',
      'thomasjk',
      'jrkrideau',
      'keme',
      'John_Ha',
      'Lesley_Vos',
      'RoryOF',
      'John_Ha',
      'RoryOF',
      'Villeroy',
      'keme',
      'Villeroy',
      'keme',
      'jrkrideau',
      'Lupp',
      'crusader',
      'keme',
      'adamk127',
      'keme',
      'ankit3302',
      'John_Ha',
      'Anne Gray',
      'RusselB',
      'RoryOF',
      'nathandev',
      'RusselB',
      'RoryOF',
    ],
    votes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    opening: '380430',
    exact: [],
    named: [
      'Edda',
      'John_Ha',
      'Lesley_Vos',
      'Lupp',
      'RoryOF',
      'Villeroy',
      'Wesley Pearce',
      'adamk127',
      'jrkrideau',
      'keme',
    ],
  },
  {
    file: 'vanilla-collegeconfidential.html',
    source: 'vanilla',
    posts:
      /<li class="Item[^"]*ItemComment[^"]*" id="Comment_\d+"|<div id="Discussion_\d+" class="Item ItemDiscussion/g,
    ids: [
      '2183693',
      '22745882',
      '22746169',
      '22746232',
      '22746239',
      '22747112',
      '22747248',
      '22747418',
      '22747798',
      '22749884',
      '22749986',
      '22752662',
      '22754072',
      '22754342',
      '22755809',
      '22755843',
      '22756234',
      '22756757',
      '22756742',
      '22756746',
      '22756813',
    ],
    authors: [
      'CCadmin_Sorin',
      'Pendoo',
      'coolguy40',
      'larriglue',
      'larriglue',
      'Monnes',
      'xindixu',
      'grtd2010',
      'RB12345',
      'larriglue',
      'larriglue',
      'IvyCavalier2004',
      'Anonomouse',
      'bethriley',
      'coolgirl40',
      'dm4391',
      'anonymous0320',
      'larriglue',
      'larriglue',
      'larriglue',
      'larriglue',
    ],
    votes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    opening: '2183693',
    exact: [
      '22746232<22745882',
      '22746239<22746169',
      '22747418<22745882',
      '22749884<22747112',
      '22749986<22747798',
      '22756757<22747248',
      '22756742<22752662',
      '22756746<22754072',
      '22756813<22754342',
    ],
    named: ['Anonomouse', 'IvyCavalier2004', 'Monnes', 'Pendoo', 'RB12345', 'bethriley', 'coolguy40', 'xindixu'],
  },
  {
    file: 'vbulletin3-animesuki.html',
    source: 'vbulletin3',
    posts: /id="post_message_\d+"/g,
    ids: [
      '5768670',
      '5768676',
      '5768683',
      '5768696',
      '5768715',
      '5768743',
      '5768758',
      '5769003',
      '5769034',
      '5769040',
      '5769820',
      '5770009',
      '5772378',
      '5772383',
      '5773041',
      '5777640',
      '5777901',
      '5778115',
      '5778175',
      '5778211',
    ],
    authors: [
      'Shirohige',
      'BBOvenGuy',
      'Romanticide',
      'Shirohige',
      'karice67',
      'wolfie74',
      'Romanticide',
      'BBOvenGuy',
      'Sagitta Luminis',
      'BBOvenGuy',
      'BBOvenGuy',
      'karice67',
      'pimathbrainiac',
      'Marcus H.',
      'pimathbrainiac',
      'BleedingUranium',
      'BBOvenGuy',
      'Marina2',
      'Proto',
      'Kamieichi',
    ],
    votes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    opening: '5768670',
    exact: [
      '5768670<5768621',
      '5768670<5768655',
      '5768676<5768613',
      '5768696<5768676',
      '5768715<5768696',
      '5768715<5768683',
      '5768743<5768696',
      '5768758<5768715',
      '5769003<5768696',
      '5769003<5768683',
      '5769040<5769034',
      '5769040<5768715',
      '5770009<5768743',
      '5770009<5686112',
      '5770009<5687023',
      '5777640<5766370',
      '5777640<5768621',
      '5777640<5769003',
      '5777640<5769820',
      '5777640<5773041',
      '5777901<5777640',
      '5778115<5773041',
    ],
    named: [
      'BBOvenGuy',
      'BleedingUranium',
      'Kamieichi',
      'Romanticide',
      'Sagitta Luminis',
      'Shirohige',
      'TinyRedLeaf',
      'karice67',
      'pimathbrainiac',
      'wolfie74',
    ],
  },
  {
    file: 'vbulletin4-msworld.html',
    source: 'vbulletin4',
    posts: /<li class="postbit[^"]*" id="post_\d+"/g,
    ids: [
      '1518952',
      '1518962',
      '1518968',
      '1518971',
      '1518974',
      '1518979',
      '1518981',
      '1518982',
      '1518983',
      '1518985',
      '1518997',
      '1519006',
      '1519007',
      '1519009',
      '1519018',
    ],
    authors: [
      'Crazyguy',
      'Seasha',
      'Crazyguy',
      'SNOOPY',
      'TheBeans',
      'SNOOPY',
      'gargantua',
      'gargantua',
      'Crazyguy',
      'SNOOPY',
      'Crazyguy',
      'Crazyguy',
      'KoKo',
      'SNOOPY',
      'Mamabug',
    ],
    votes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    opening: '1518952',
    exact: [
      '1518979<1518974',
      '1518981<1518952',
      '1518982<1518981',
      '1518983<1518979',
      '1518985<1518983',
      '1518997<1518982',
      '1519006<1518985',
      '1519007<1519006',
      '1519009<1519006',
    ],
    named: ['Crazyguy', 'SNOOPY', 'TheBeans', 'gargantua'],
  },
  {
    file: 'vbulletin5-fandompost.html',
    source: 'vbulletin5',
    posts: /<li data-node-id="\d+"/g,
    ids: [
      '727744',
      '727754',
      '727761',
      '728407',
      '728883',
      '728923',
      '729451',
      '729634',
      '729662',
      '729825',
      '729972',
      '730482',
      '730610',
      '731121',
      '731647',
    ],
    authors: [
      'Buckeye',
      'Buckeye',
      'General Hentai',
      'Buckeye',
      'Gildor',
      'Buckeye',
      'Buckeye',
      'General Hentai',
      'Gildor',
      'General Hentai',
      'Buckeye',
      'Buckeye',
      'General Hentai',
      'Buckeye',
      'Buckeye',
    ],
    votes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    opening: '727744',
    exact: ['727761<727754', '729634<729451', '729662<729634', '729825<729662', '730610<730482'],
    named: ['Buckeye', 'General Hentai', 'Gildor'],
  },
  {
    file: 'wordpress-balloon-juice-2026-schadenfreude-open-thread.html',
    source: 'wordpress',
    posts: /<li class="comment[^"]*" id="comment-\d+"/g,
    ids: [
      '9836939',
      '9836941',
      '9836944',
      '9836945',
      '9836949',
      '9836950',
      '9836952',
      '9836953',
      '9836955',
      '9836956',
      '9836957',
      '9836959',
      '9836960',
      '9836961',
      '9836963',
      '9836964',
      '9836965',
      '9836966',
      '9836967',
      '9836968',
      '9836969',
      '9836970',
      '9836971',
      '9836972',
      '9836974',
      '9836976',
      '9836977',
      '9836978',
      '9836979',
      '9836980',
      '9836981',
      '9836982',
      '9836983',
      '9836984',
      '9836985',
      '9836986',
      '9836988',
      '9836989',
      '9836990',
      '9836992',
      '9836993',
      '9836994',
      '9836995',
      '9836996',
      '9836997',
      '9836998',
      '9836999',
      '9837000',
      '9837001',
      '9837002',
      '9837003',
      '9837004',
      '9837005',
      '9837006',
      '9837007',
      '9837008',
      '9837009',
      '9837010',
      '9837011',
      '9837012',
      '9837013',
      '9837014',
      '9837015',
      '9837016',
      '9837017',
      '9837019',
      '9837022',
      '9837023',
      '9837025',
      '9837026',
      '9837028',
      '9837030',
      '9837031',
      '9837032',
      '9837034',
      '9837036',
      '9837037',
      '9837038',
      '9837041',
      '9837043',
      '9837044',
      '9837047',
      '9837049',
      '9837057',
      '9837063',
      '9837066',
      '9837069',
      '9837077',
      '9837079',
      '9837080',
      '9837081',
      '9837082',
      '9837084',
      '9837086',
      '9837087',
      '9837094',
      '9837099',
      '9837103',
      '9837116',
      '9837134',
      '9837141',
      '9837143',
      '9837144',
      '9837145',
      '9837146',
      '9837150',
      '9837152',
      '9837153',
      '9837161',
      '9837165',
      '9837185',
      '9837186',
    ],
    authors: [
      'Trivia Man',
      'Old School',
      'Baud',
      'HeleninEire',
      'Shalimar',
      'rikyrah',
      'SFAW',
      'Old School',
      'SFAW',
      'Ben Cisco',
      'SFAW',
      'SFAW',
      'Shalimar',
      'trollhattan',
      'SFAW',
      'Steve LaBonne',
      'Karen Gail',
      'Suzanne',
      'Suzanne',
      'trollhattan',
      'SFAW',
      'Warblewarble',
      'JML',
      'SFAW',
      'Just look at that parking lot',
      'trollhattan',
      'Suzanne',
      'Baud',
      'SFAW',
      'Warblewarble',
      'comrade scotts agenda of rage',
      'SFAW',
      'EarthWindFire',
      'Baud',
      'Dog Dawg Damn',
      'Kelly',
      'Suzanne',
      'lowtechcyclist',
      'Dangerman',
      'trollhattan',
      'Professor Bigfoot',
      'Snarki, child of Loki',
      'Warblewarble',
      'trollhattan',
      'lowtechcyclist',
      'Suzanne',
      'Nina',
      'lowtechcyclist',
      'ColoradoGuy',
      'hueyplong',
      'Professor Bigfoot',
      'RevRick',
      'Miss Bianca',
      'lowtechcyclist',
      'Old School',
      'lowtechcyclist',
      'hueyplong',
      'Peale',
      'lowtechcyclist',
      'Old School',
      'Baud',
      'JML',
      'mappy!',
      'lowtechcyclist',
      'trollhattan',
      'hueyplong',
      'Warblewarble',
      'piratedan',
      'Professor Bigfoot',
      'Parfigliano',
      'Old School',
      'different-church-lady',
      'RevRick',
      'different-church-lady',
      'Professor Bigfoot',
      'Kelly',
      'trollhattan',
      'Baud',
      'Professor Bigfoot',
      'EarthWindFire',
      'hueyplong',
      'trnc',
      'Miss Bianca',
      'RaflW',
      'bbleh',
      'Ohio Mom',
      'Chief Oshkosh',
      'AM in NC',
      'Chief Oshkosh',
      'Trivia Man',
      'Soapdish',
      'Trivia Man',
      'Trivia Man',
      'HopefullyNotCassandra',
      'HopefullyNotCassandra',
      'Geminid',
      'Castor Canadensis',
      'prostratedragon',
      'Castor Canadensis',
      'different-church-lady',
      'Captain C',
      'Captain C',
      'WTFGhost',
      'Librarian',
      'Captain C',
      'WTFGhost',
      'WTFGhost',
      'WTFGhost',
      'SiubhanDuinne',
      'prostratedragon',
      'Kayla Rudbek',
      'Kayla Rudbek',
    ],
    votes: [
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ],
    opening: null,
    exact: [],
    named: [],
  },
  {
    file: 'xenforo1-spigotmc-best-minecraft-server-hosts-2025.html',
    source: 'xenforo1',
    posts: /<li id="post-\d+"/g,
    ids: [
      '4859929',
      '4860024',
      '4895597',
      '4896267',
      '4896749',
      '4896758',
      '4907052',
      '4907463',
      '4912835',
      '4912865',
      '4912888',
      '4913621',
      '4914138',
    ],
    authors: [
      'pelex',
      'CDB',
      'OneCountry',
      'Darthmineboy',
      'Remarkable-Part',
      'GC.',
      'dtmnv',
      'Egels',
      'Safiro',
      'marsh_1',
      'Mesquis',
      'adrian97',
      'HustleBrickz',
    ],
    votes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    opening: '4859929',
    exact: ['4896758<4896749', '4912865<4912835'],
    named: ['Remarkable-Part', 'Safiro'],
  },
  {
    file: 'xenforo2-avsforum-replacement-projector-recommendations-2024.html',
    source: 'xenforo',
    posts: /data-content="post-\d+"|class="MessageCard js-messageCard js-inlineModContainer js-post/g,
    ids: [
      '63057301',
      '63057439',
      '63057447',
      '63057442',
      '63057459',
      '63057570',
      '63057669',
      '63057937',
      '63058762',
      '63059015',
      '63058764',
      '63059110',
      '63059243',
      '63059254',
      '63059267',
      '63059373',
      '63059470',
      '63059683',
      '63555078',
      '63560963',
    ],
    authors: [
      'JosephF',
      'eljaycanuck',
      'JosephF',
      'bud16415',
      'JosephF',
      'Reddig',
      'jedi1982',
      'tom9933',
      'JosephF',
      'rekbones',
      'JosephF',
      'Russell Burrows',
      'AV_Integrated',
      'JosephF',
      'Richard239',
      'AV_Integrated',
      'Alvy200',
      'Richard239',
      'OzzieP',
      'ggery',
    ],
    votes: [0, 0, 0, 0, 1, 1, 1, 0, 2, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0],
    opening: '63057301',
    exact: ['63057459<63057442', '63059015<63058762', '63059254<63059243'],
    named: ['AV_Integrated', 'JosephF', 'bud16415'],
  },
  {
    file: 'xenforo2-freebsd-2024-the-year-of-desktop-freebsd.html',
    source: 'xenforo',
    posts: /data-content="post-\d+"/g,
    ids: [
      '636320',
      '636323',
      '636332',
      '636333',
      '636338',
      '636339',
      '636341',
      '636343',
      '636349',
      '636365',
      '636372',
      '636376',
      '636379',
      '636381',
      '636384',
      '636385',
      '636389',
      '636393',
      '636394',
      '636395',
      '636400',
      '636402',
      '636405',
      '636407',
      '636409',
    ],
    authors: [
      'piizog',
      'mer',
      'PMc',
      'wolffnx',
      'piizog',
      'piizog',
      'piizog',
      'jbo@',
      'wolffnx',
      'jardows',
      'gnath',
      'LibreQuest',
      'getopt',
      'scottro',
      'piizog',
      'Phishfry',
      'Phishfry',
      'Stefan2',
      'smithi',
      'getopt',
      'Tieks',
      'piizog',
      "Cath O'Deray",
      'getopt',
      'taiwan740',
    ],
    votes: [6, 6, 5, 3, 3, 2, 1, 10, 0, 4, 2, 3, 1, 3, 1, 0, 3, 3, 1, 4, 2, 2, 2, 1, 3],
    opening: '636320',
    exact: [
      '636338<636332',
      '636339<636333',
      '636341<636323',
      '636349<636338',
      '636372<636343',
      '636379<636320',
      '636394<636384',
      '636394<636384',
      '636395<636384',
      '636402<636395',
      '636402<636400',
      '636405<636320',
      '636405<636341',
      '636407<636402',
    ],
    named: ['PMc', 'Tieks', 'getopt', 'jbo@', 'mer', 'piizog', 'wolffnx'],
  },
  {
    file: 'xenforo2-macrumors-messages-in-icloud-still-taking-up-space.html',
    source: 'xenforo',
    posts: /data-content="post-\d+"/g,
    ids: [
      '31243226',
      '31243284',
      '31243720',
      '31243911',
      '31244595',
      '31246188',
      '31248768',
      '31250288',
      '31250324',
      '31250437',
      '31250449',
      '31251336',
      '31393033',
      '31393054',
      '31394850',
      '31395739',
      '31395854',
      '31460784',
      '34151822',
    ],
    authors: [
      'felixen',
      'spikeymike',
      'felixen',
      'cynics',
      'felixen',
      'raziel101',
      'bayportbob',
      'lostless',
      'EuroChilli',
      'felixen',
      'felixen',
      'EuroChilli',
      'svkrzn',
      'antiprotest',
      'EPayne84',
      'svkrzn',
      'EPayne84',
      'felixen',
      'Lizzard899',
    ],
    votes: [0, 1, 0, 0, 0, 1, 2, 3, 1, 1, 0, 1, 1, 1, 0, 0, 0, 2, 0],
    opening: '31243226',
    exact: [
      '31243720<31243284',
      '31244595<31243911',
      '31246188<31244595',
      '31248768<31244595',
      '31250324<31244595',
      '31250449<31250324',
      '31251336<31250449',
      '31393033<31250437',
      '31395739<31394850',
      '31460784<31393033',
      '34151822<31250437',
    ],
    named: ['EPayne84', 'EuroChilli', 'cynics', 'felixen', 'spikeymike', 'svkrzn'],
  },
  {
    file: 'fluxbb-archlinux-298271-quotes.html',
    source: 'fluxbb',
    posts: /<div id="p\d+" class="blockpost/g,
    ids: [
      '2187914',
      '2187941',
      '2187960',
      '2187963',
      '2187998',
      '2188005',
      '2188006',
      '2188015',
      '2188048',
      '2188049',
      '2188057',
      '2188072',
      '2188099',
      '2188103',
      '2188104',
      '2188111',
      '2188116',
      '2188123',
      '2188142',
      '2188346',
      '2188347',
      '2188349',
      '2188406',
      '2188414',
      '2188700',
    ],
    authors: [
      'archuser38013',
      'seth',
      'archuser38013',
      'Trilby',
      'Allan',
      'Trilby',
      'Allan',
      'cryptearth',
      'archuser38013',
      'archuser38013',
      'mpan',
      'Trilby',
      'cryptearth',
      'mpan',
      'Trilby',
      'mpan',
      'Trilby',
      'mpan',
      'Trilby',
      'archuser38013',
      'archuser38013',
      'archuser38013',
      'Trilby',
      'cryptearth',
      'archuser38013',
    ],
    votes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    opening: '2187914',
    exact: [],
    named: ['Allan', 'Trilby', 'archuser38013', 'cryptearth', 'mpan', 'seth'],
  },
  {
    file: 'nodebb-community-nodebb-rc1-of-nodebb-v4.html',
    source: 'nodebb',
    posts: /<li component="post" /g,
    ids: [
      '101884',
      '101893',
      'https://mastodon.scot/users/gunchleoc/statuses/113556636882319688',
      '101894',
      '101895',
      '101896',
      '101897',
      '101898',
      '101899',
      '101900',
      'https://loves.tech/item/f489315a-29f9-4eff-afe3-bd4de6ff0b4d',
      '101914',
    ],
    authors: [
      'julian',
      'julian',
      'gunchleoc@mastodon.scot',
      'Kichae',
      'julian',
      'Kichae',
      'Kichae',
      'julian',
      'Kichae',
      'nhl.pl',
      'scott@loves.tech',
      'julian',
    ],
    votes: [13, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1],
    opening: '101884',
    exact: [],
    named: [],
  },
  {
    file: 'vbulletin4-webhostingtalk-1930933.html',
    source: 'vbulletin4',
    posts: /<div id="post_message_\d+">/g,
    ids: [
      '10465146',
      '10465217',
      '10465225',
      '10465229',
      '10465243',
      '10465281',
      '10465289',
      '10465308',
      '10465635',
      '10465993',
      '10465994',
      '10465997',
      '10466096',
      '10466106',
      '10466111',
      '10466112',
      '10466262',
      '10466398',
    ],
    authors: [
      'HOSTLAR',
      '1Ali',
      'fullarton',
      'domaincart',
      'jonburnaby',
      'Uncensored-Hosting',
      'Phil McKerracher',
      'Chaddy',
      'MechanicWeb-shoss',
      'ezhost100',
      'ezhost100',
      'jonburnaby',
      'John Mo',
      'selinux',
      'MivoCloud',
      'HostXNow',
      'Goviphosting',
      'anotherdrz',
    ],
    votes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    opening: '10465146',
    exact: [
      '10465217<10465146',
      '10465281<10465146',
      '10465289<10465243',
      '10465993<10465243',
      '10465994<10465146',
      '10465997<10465993',
      '10466262<10465146',
    ],
    named: ['HOSTLAR', 'ezhost100', 'jonburnaby'],
  },
  {
    file: 'phpbb-airliners-777x-testing-production-thread-2020.html',
    source: 'phpbb',
    posts: /<div class="post has-profile">/g,
    ids: [
      '21893151',
      '21898947',
      '21899109',
      '21902507',
      '21902585',
      '21902609',
      '21902619',
      '21902623',
      '21902625',
      '21902905',
      '21902921',
      '21903025',
      '21903033',
      '21903095',
      '21903239',
      '21903945',
      '21903993',
      '21904605',
      '21904613',
      '21904633',
      '21904643',
      '21904699',
      '21904963',
      '21904991',
      '21905279',
      '21905327',
      '21905605',
      '21906489',
      '21906737',
      '21906833',
      '21906851',
      '21906867',
      '21907039',
      '21907091',
      '21907121',
      '21907155',
      '21907815',
      '21908003',
      '21908119',
      '21908253',
      '21908591',
      '21908685',
      '21909203',
      '21909287',
      '21921261',
      '21921271',
      '21921309',
      '21921563',
      '21921663',
      '21921797',
    ],
    authors: [
      'qf789',
      'Schmave',
      'VV',
      'Opus99',
      'VV',
      'Noshow',
      'MileHFL400',
      'Opus99',
      'Opus99',
      'Spetsnaz55',
      'VV',
      'catdaddy63',
      'StTim',
      'mjoelnir',
      'Stitch',
      'keesje',
      'Stitch',
      'MileHFL400',
      'AeroplaneFreak',
      'B764er',
      'Strato2',
      'Checklist787',
      'keesje',
      'marcelh',
      'bikerthai',
      'MileHFL400',
      'Stitch',
      'Spetsnaz55',
      'Stitch',
      'MileHFL400',
      'iamlucky13',
      'Spetsnaz55',
      'VV',
      'AeroplaneFreak',
      'Opus99',
      'frigatebird',
      'ssteve',
      'atcsundevil',
      'Sooner787',
      'Opus99',
      'iamlucky13',
      'Sooner787',
      'jfk777',
      'Stitch',
      'PepeTheFrog',
      'Opus99',
      'blrsea',
      'MileHFL400',
      'WayexTDI',
      'bikerthai',
    ],
    votes: [
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ],
    opening: '21893151',
    exact: [],
    named: [
      'B764er',
      'Checklist787',
      'MileHFL400',
      'Opus99',
      'PepeTheFrog',
      'Schmave',
      'Sooner787',
      'Spetsnaz55',
      'Stitch',
      'Strato2',
      'VV',
      'WayexTDI',
      'catdaddy63',
      'iamlucky13',
      'jfk777',
      'keesje',
      'marcelh',
    ],
  },
  {
    file: 'wordpress-cubadebate-2022-sesiona-iv-pleno-comite-central.html',
    source: 'wordpress',
    posts: /<li class="comment[^"]*" id="comment-\d+"/g,
    ids: [
      '10353767',
      '10353921',
      '10354244',
      '10354130',
      '10354215',
      '10353966',
      '10354077',
      '10354112',
      '10354121',
      '10354162',
      '10354200',
    ],
    authors: [
      'Ramón',
      'rebelde',
      'Ramón',
      'Ing Javier Sánchez González',
      'Ramón',
      'Moraima',
      'LuisMan',
      'Aldo',
      'jua njose varona cuba',
      'Abel',
      'José Cinto',
    ],
    votes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    opening: null,
    exact: [],
    named: [],
  },
];

const URL_OF = 'https://forum.example.org/threads/x.1/';

describe('engines on sites the reader enables (real pages)', () => {
  useForOtherSites(anySite);

  describe.each(PAGES)('$file', (page) => {
    const section = findSection(fixtureDocument(`real/${page.file}`), URL_OF)!;

    it('reads every post: count, ids, authors, likes, opening post', () => {
      expect(section.source).toBe(page.source);
      expect(section.comments).toHaveLength(fixtureHtml(`real/${page.file}`).match(page.posts)!.length);
      expect(section.comments.map((c) => c.id)).toEqual(page.ids);
      expect(section.comments.map((c) => c.author)).toEqual(page.authors);
      expect(section.comments.map((c) => c.votes)).toEqual(page.votes);
      expect(section.comments.filter((c) => c.opening).map((c) => c.id)).toEqual(page.opening ? [page.opening] : []);
      for (const c of section.comments) expect(c.ownText.length + c.quotes.length, c.id).toBeGreaterThan(0);
    });

    it('reads every quote source the markup names', () => {
      const exact = section.comments.flatMap((c) =>
        c.quotes.filter((q) => q.sourceId).map((q) => `${c.id}<${q.sourceId}`),
      );
      expect(exact).toEqual(page.exact);
      const named = new Set(section.comments.flatMap((c) => c.quotes.map((q) => q.sourceAuthor).filter(Boolean)));
      expect([...named].sort()).toEqual(page.named);
    });

    it('threads a reply under the one post its exact quotes name, when that post is on the page', () => {
      const forest = threadByQuotes(section.comments);
      const onPage = new Set(section.comments.map((c) => c.id));
      for (const c of section.comments) {
        const sources = new Set(c.quotes.map((q) => q.sourceId).filter((id) => id && onPage.has(id)));
        if (sources.size === 1) expect(forest.byId.get(c.id)!.parentId, c.id).toBe([...sources][0]);
        for (const q of c.quotes)
          if (q.sourceId && !onPage.has(q.sourceId)) expect(forest.byId.get(c.id)!.parentId).not.toBe(q.sourceId);
      }
    });
  });
});

describe('a forum engine no adapter knows, found by visible signals', () => {
  useForOtherSites(anySite);
  const section = findSection(fixtureDocument('unknown-engine.html'), URL_OF)!;

  it('reads each post with its author, and each quote with the author and post it names', () => {
    expect(section.source).toBe('forum-signals');
    expect(section.comments.map((c) => [c.id, c.author])).toEqual([
      ['101', 'rider_one'],
      ['102', 'gear_head'],
      ['103', 'light_weight'],
      ['104', 'rider_one'],
    ]);
    expect(section.comments[2]!.quotes).toMatchObject([{ sourceId: '102', sourceAuthor: 'gear_head' }]);
    expect(section.comments[3]!.quotes).toMatchObject([{ sourceAuthor: 'light_weight' }]);
    expect(section.comments[2]!.ownText).toMatch(/^Nobody welds/);
  });

  it('threads them as their quotes say', () => {
    const forest = threadByQuotes(section.comments);
    expect(forest.byId.get('103')!.parentId).toBe('102');
    expect(forest.byId.get('104')!.parentId).toBe('103');
  });

  it('leaves a page without repeated posts alone', () => {
    expect(findSection(fixtureDocument('no-comments.html'), URL_OF)).toBeNull();
  });
});

describe('boards with engines of their own, found by visible signals', () => {
  useForOtherSites(anySite);
  const read = (file: string) => findSection(fixtureDocument(`engines/${file}`), URL_OF)!;

  it('reads a table of posts: authors by bare /name links, words in the row after each name row', () => {
    const section = read('board-table.html');
    expect(section.source).toBe('forum-signals');
    expect(section.comments.map((c) => [c.id, c.author])).toEqual([
      ['61230', 'ada'],
      ['61231', 'Chidi'],
      ['61232', 'tunde_b'],
      ['61233', 'ada'],
    ]);
    expect(section.comments[0]!.ownText).toMatch(/^Where do you get the best party jollof/);
    expect(section.comments[2]!.quotes).toEqual([
      {
        text: 'Nothing beats the buka behind the stadium. Their firewood jollof is the real thing',
        sourceId: '61231',
        sourceAuthor: 'Chidi',
      },
    ]);
    const forest = threadByQuotes(section.comments);
    expect(forest.byId.get('61232')!.parentId).toBe('61231');
    expect(forest.byId.get('61233')!.parentId).toBe('61232');
  });

  it('reads authors with no address and cite[data-quote-id] before each quote, despite unclosed tags', () => {
    const section = read('board-cite.html');
    expect(section.comments.map((c) => [c.id, c.author, c.timeText])).toEqual([
      ['1001', 'Zed_Omega', '3/3/2024 8:10:11 AM'],
      ['1002', 'PixelKnight', '3/3/2024 8:31:40 AM'],
      ['1003', 'Zed_Omega', '3/3/2024 9:02:05 AM'],
      ['1004', 'RetroRanger', '3/3/2024 9:15:52 AM'],
    ]);
    expect(section.comments[2]!.quotes).toEqual([
      { text: 'The hidden bosses are all there plus two new ones', sourceAuthor: 'PixelKnight', sourceId: '1002' },
    ]);
    expect(section.comments[2]!.ownText).not.toMatch(/posted\.\.\./);
    const forest = threadByQuotes(section.comments);
    expect(forest.byId.get('1003')!.parentId).toBe('1002');
    expect(forest.byId.get('1004')!.parentId).toBe('1003');
  });

  it('keeps posts a browser moved into reopened <b> wrappers (the unclosed tag) in one discussion', () => {
    // Browsers reopen the unclosed <b> around each later post; happy-dom does not, so the test does.
    const doc = fixtureDocument('engines/board-cite.html');
    for (const id of ['m1003', 'm1004']) {
      const post = doc.getElementById(id)!;
      const b = doc.createElement('b');
      post.replaceWith(b);
      b.append(post);
    }
    const section = findSection(doc, URL_OF)!;
    expect(section.comments.map((c) => c.id)).toEqual(['1001', '1002', '1003', '1004']);
    expect(section.root.classList.contains('msgs')).toBe(true);
  });
});

describe('bad markup on real pages: the rest of the posts, or nothing at all', () => {
  useForOtherSites(anySite);
  // Each page cut inside one of its posts (the middle one): the download stopped there.
  const PAGES_CUT = [
    ['fluxbb-archlinux-298271-quotes.html', 'id="p2188057"'],
    ['nodebb-community-nodebb-rc1-of-nodebb-v4.html', 'data-index="6"'],
  ];

  it.each(PAGES_CUT)('%s cut inside a post still gives the posts before the cut', (file, post) => {
    const html = fixtureHtml(`real/${file}`);
    const whole = findSection(fixtureDocument(`real/${file}`), URL_OF)!;
    const half = findSection(parseDocument(html.slice(0, html.indexOf(post) + 400)), URL_OF)!;
    expect(half.comments.length).toBeGreaterThan(0);
    expect(half.comments.length).toBeLessThan(whole.comments.length);
    expect(half.comments.map((c) => c.id)).toEqual(whole.comments.slice(0, half.comments.length).map((c) => c.id));
  });

  it('leaves out a post with no body and reads the others', () => {
    const doc = fixtureDocument('real/fluxbb-archlinux-298271-quotes.html');
    for (const body of Array.from(doc.querySelectorAll('#p2187941 .postmsg'))) body.remove();
    const section = findSection(doc, URL_OF)!;
    expect(section.comments).toHaveLength(24);
    expect(section.comments.map((c) => c.id)).not.toContain('2187941');
  });
});

describe('nested lists of comments: Lobsters, old Reddit, Slashdot and Lemmy keep the site tree', () => {
  useForOtherSites(anySite);
  /** The tree as the page nests it, read another way: depth by list items above, parent the last one up. */
  function oracle(doc: Document, comment: string, item: string): Map<string, string | null> {
    const open: string[] = [];
    const parents = new Map<string, string | null>();
    for (const el of Array.from(doc.querySelectorAll(comment))) {
      let depth = -1;
      for (let up: Element | null = el; up; up = up.parentElement)
        if (up.matches(item) && (up.matches(comment) || up.querySelector(`:scope > ${comment}`))) depth++;
      open.length = depth;
      parents.set(el.id, depth ? open[depth - 1]! : null);
      open.push(el.id);
    }
    return parents;
  }
  it.each([
    [
      'lobsters-dwip3v-rust-project-goals-for-2024.html',
      'lobsters',
      'div.comment',
      'li.comments_subtree',
      12,
      (id: string) => `c_${id}`,
    ],
    [
      'oldreddit-r-aww-8dyrb3-ben-proud-of-learning-to-go-on-walks-2018.html',
      'oldreddit',
      'div.thing.comment',
      'div.thing',
      197,
      (id: string) => `thing_t1_${id}`,
    ],
    [
      'slashdot-2025-stanford-cs-grads-degrees-no-longer-guarantee-jobs.html',
      'slashdot',
      'li.comment',
      'li.comment',
      87,
      (id: string) => `tree_${id}`,
    ],
    [
      'lemmy-lemmy-ml-post-21018364-development-update-2024-10-04.html',
      'lemmy',
      'article.comment-node',
      'li.comment',
      22,
      (id: string) => `comment-${id}`,
    ],
  ] as const)('%s', (file, source, comment, item, count, domId) => {
    const doc = fixtureDocument(`native/${file}`);
    const expected = oracle(doc, comment, item);
    const section = findSection(doc, URL_OF)!;
    expect(section.source).toBe(source);
    expect(section.comments).toHaveLength(count);
    expect(expected.size).toBe(count);
    const forest = threadByQuotes(section.comments);
    for (const c of section.comments) {
      const parent = forest.byId.get(c.id)!.parentId;
      expect(parent === null ? null : domId(parent), c.id).toBe(expected.get(domId(c.id)));
    }
    expect([...expected.values()].filter(Boolean).length).toBeGreaterThan(3);
    // Slashdot's comments below the threshold are places only ("hidden": no author, no words), 9 here.
    const places = section.comments.filter((c) => !(c.author && (c.ownText || c.body.length)));
    expect(places.length).toBe(source === 'slashdot' ? 9 : 0);
    for (const c of places) expect([c.author, c.ownText, c.votesMissing]).toEqual(['', '', true]);
    expect(section.comments.some((c) => c.votes > 0)).toBe(true);
  });
});

describe('Hacker News: the site draws the tree', () => {
  useForOtherSites(anySite);
  const FILE = 'native/hackernews-item-16909056-tech-company-career-ladders-2018.html';

  /** The page's own tree, read from the raw HTML: each row's spacer width / 40 is its depth. */
  function oracle(html: string): Map<string, string | null> {
    const rows = Array.from(html.matchAll(/<tr class="athing comtr ?" id="(\d+)">[\s\S]*?<img [^>]*width="(\d+)"/g));
    const open: string[] = [];
    const parents = new Map<string, string | null>();
    for (const [, id, width] of rows) {
      const depth = Number(width) / 40;
      open.length = depth;
      parents.set(id!, depth ? open[depth - 1]! : null);
      open.push(id!);
    }
    return parents;
  }

  it('shows every comment under the parent the site gives it, with its author and words', () => {
    const expected = oracle(fixtureHtml(FILE));
    const section = findSection(fixtureDocument(FILE), 'https://news.ycombinator.com/item?id=16909056')!;
    expect(section.source).toBe('hackernews');
    expect(section.comments).toHaveLength(115);
    expect(expected.size).toBe(115);
    const forest = threadByQuotes(section.comments);
    for (const c of section.comments) expect(forest.byId.get(c.id)!.parentId, c.id).toBe(expected.get(c.id));
    expect(new Set(section.comments.map((c) => c.id))).toEqual(new Set(expected.keys()));
    expect([...expected.values()].filter(Boolean).length).toBeGreaterThan(80);
    expect(section.comments[0]).toMatchObject({ id: '16909828', author: 'peterburkimsher', timeText: '8 hours ago' });
    // Firefox's save wrapped long lines inside the text.
    expect(section.comments[0]!.ownText.replace(/\s+/g, ' ')).toMatch(/^"inhumane quasi-slavery visa situation/);
    expect(section.comments[0]!.ownText).not.toMatch(/\breply$/);
    expect(section.comments.every((c) => c.votesMissing)).toBe(true);
  });

  it('reads "> " lines as quotes that link to what they quote, and never moves a comment for them', () => {
    const doc = fixtureDocument(FILE);
    const before = doc.querySelector('[id="16911787"] .c00')!.innerHTML;
    const section = findSection(doc, 'https://news.ycombinator.com/item?id=16909056')!;
    const forest = threadByQuotes(section.comments);
    const quoting = section.comments.filter((c) => c.quotes.length);
    expect(quoting.length).toBeGreaterThanOrEqual(12);
    // The text before the first <p> is a quote too: its ">" marks are not part of the quoted words.
    expect(section.comments.find((c) => c.id === '16911787')!.quotes[0]!.text).toMatch(/^As soon as I get married/);
    expect(section.comments.find((c) => c.id === '16911787')!.ownText).not.toMatch(/As soon as I get married/);
    expect(doc.querySelector('[id="16911787"] .c00')!.innerHTML).toBe(before);
    // Quoting the parent: a link to it (a backlink there); quoting the grandparent: "Also replies to" it.
    expect(forest.byId.get('16911132')!.links.map((l) => l.sourceId)).toEqual(['16910090']);
    expect(forest.byId.get('16909777')!.parentId).toBe('16909739');
    expect(forest.byId.get('16909777')!.alsoRepliesTo).toEqual(['16909724']);
  });
});
