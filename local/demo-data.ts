/**
 * Demo data the local stack seeds on its first start: five published-to-be
 * briefings, one draft that must stay invisible to the public, their sources,
 * and one demo user per Cognito group.
 *
 * The Scale AI facts follow the product brief; the Meta, Bain Capital and
 * Sparkle briefings only expand their headlines and are illustrative. Every
 * source URL is a demo URL (its path starts with `/demo/`): it points at no
 * real article. The "draft-example" entity is fictional.
 *
 * Expected confidence once every source is ingested (scoring model v3,
 * docs/scoring.md; test/unit/demo-data.test.ts checks these):
 *
 * | key                  | sources                                                  | score | grade |
 * |----------------------|----------------------------------------------------------|-------|-------|
 * | scale-ai-en          | 1 direct (rated A) + 3 reporting (+1 duplicate URL)      | 0.91  | A     |
 * | scale-ai-zh          | 1 direct + 2 reporting (+1 syndicated copy, same origin) | 0.83  | A/B   |
 * | meta-ai-talent       | 2 reporting + 1 secondary + 1 internal                   | 0.68  | B/C   |
 * | bain-emea-hyperscale | 1 direct + 1 reporting + 1 secondary                     | 0.81  | A/B   |
 * | sparkle-geant        | 1 direct + 1 reporting, 1 contradicting (rated B3)       | 0.67  | B/C   |
 * | draft-example        | 1 social                                                 | 0.10  | D     |
 *
 * Every source carries an excerpt (fingerprinted to find copies) and a
 * `retrievedAt` close to its publication, so none is weighed as stale however
 * late the demo is seeded. scale-ai-en's sources are listed in ingestion order
 * so that its score climbs through A/B (where its auto-publish rule
 * fires) before ending at A; the Chinese portal's copy of the 36氪 story
 * shows origin grouping: it is stored, and changes nothing.
 *
 * The Scale AI text and its first source are the API's examples (contracts/examples.ts), shared from there.
 *
 * Seeder notes: `relatedKeys` must be translated to the created briefings'
 * ids and sent as `related`; `expectDuplicate` is not part of SourceInput
 * (which is strict) and must be stripped before a source is sent.
 */
import type * as z from 'zod';
import { EXAMPLE_SOURCE_INPUT, SCALE_AI_SECTIONS } from '#contracts/examples.ts';
import type { GroupName } from '#domain/access.ts';
import type { BriefingInput } from '#domain/briefing.ts';
import type { EntityProfileInput } from '#domain/entity.ts';
import type { SourceInput } from '#domain/source.ts';

export type DemoSource = Omit<z.input<typeof SourceInput>, 'briefingId'> & {
  /** True for an entry that repeats another entry's article under a different URL spelling. */
  expectDuplicate?: boolean;
};

export interface DemoBriefing {
  key: string;
  input: Omit<z.input<typeof BriefingInput>, 'related'> & { relatedKeys: string[] };
  sources: DemoSource[];
  /** auto: published by its own autoPublish rule; editor: published by the demo editor; draft: left unpublished. */
  publish: 'auto' | 'editor' | 'draft';
}

export interface DemoUser {
  key: string;
  email: string;
  name: string;
  groups: GroupName[];
}

/**
 * Password of every demo user. It exists only for the local Cognito emulator
 * (cognito-local) started by `npm start`; it is never used by a deployed stack.
 */
export const DEMO_PASSWORD = 'Demo-pass-2026!';

/** One user per group. A reader who does not log in needs no user. */
export const DEMO_USERS: DemoUser[] = [
  { key: 'strategy', email: 'strategy@demo.signal.local', name: 'Strategy Circle member', groups: ['strategy-circle'] },
  { key: 'leadership', email: 'leadership@demo.signal.local', name: 'Leadership Alliance member', groups: ['leadership-alliance'] },
  { key: 'analyst', email: 'analyst@demo.signal.local', name: 'Demo analyst', groups: ['analysts'] },
  { key: 'editor', email: 'editor@demo.signal.local', name: 'Demo editor', groups: ['editors'] },
  { key: 'admin', email: 'admin@demo.signal.local', name: 'Demo admin', groups: ['admins'] },
];

const scaleAiEn: DemoBriefing = {
  key: 'scale-ai-en',
  publish: 'auto',
  input: {
    language: 'en',
    eventDate: '2025-07-16',
    entities: [
      { entityId: 'scale-ai', name: 'Scale AI', kind: 'company' },
      { entityId: 'meta', name: 'Meta', kind: 'company' },
      { entityId: 'alexandr-wang', name: 'Alexandr Wang', kind: 'person' },
      { entityId: 'jason-droege', name: 'Jason Droege', kind: 'person' },
    ],
    relatedKeys: ['scale-ai-zh', 'meta-ai-talent', 'bain-emea-hyperscale', 'sparkle-geant'],
    autoPublish: { minGrade: 'A/B' },
    sections: SCALE_AI_SECTIONS.en,
  },
  sources: [
    EXAMPLE_SOURCE_INPUT,
    {
      // The same Reuters article again: tracking parameter, fragment and trailing slash.
      url: 'https://www.reuters.com/demo/scale-ai-layoffs/?utm_source=x#section',
      publisher: 'Reuters',
      kind: 'reporting',
      title: 'Scale AI cuts 14% of staff after Meta investment (demo)',
      language: 'en',
      publishedAt: '2025-07-16T18:20:00Z',
      retrievedAt: '2025-07-16T19:10:00Z',
      excerpt:
        'Scale AI is laying off about 14% of its staff, roughly 200 full-time employees, and ending contracts with around 500 contractors, according to an internal memo. The data-labelling company said its generative-AI unit had grown too fast. The cuts come weeks after Meta agreed to invest about $14.3 billion for a 49% stake.',
      expectDuplicate: true,
    },
    {
      url: 'https://www.bloomberg.com/demo/scale-ai-restructures-genai-unit',
      publisher: 'Bloomberg',
      kind: 'reporting',
      title: 'Scale AI restructures generative-AI unit into five groups (demo)',
      language: 'en',
      publishedAt: '2025-07-16T20:05:00Z',
      retrievedAt: '2025-07-16T20:30:00Z',
      excerpt:
        'Scale AI will fold the sixteen teams of its generative-AI business into five groups, covering code, languages, experts, experimental work and audio, interim chief executive Jason Droege told employees. Sales and marketing staff move into a single demand-generation organisation.',
    },
    {
      url: 'https://scale.com/demo/blog/company-update',
      publisher: 'Scale AI',
      kind: 'direct',
      title: 'A note on our team and our priorities (demo)',
      language: 'en',
      publishedAt: '2025-07-16T21:00:00Z',
      retrievedAt: '2025-07-16T21:15:00Z',
      excerpt:
        'Today we made the difficult decision to reduce the size of our team. We grew our generative-AI work faster than the business could support, and we are simplifying how we are organised. We remain well capitalised and will invest in enterprise, public-sector and government customers.',
      reliability: { grade: 'A', reason: "The company's own statement about its own staff and organisation." },
      note: 'First-party statement: confirms the restructuring and the enterprise and government focus; gives no customer names.',
    },
    {
      url: 'https://www.theverge.com/demo/scale-ai-memo-demand-generation',
      publisher: 'The Verge',
      kind: 'reporting',
      title: 'Inside the Scale AI memo: one demand-generation team (demo)',
      language: 'en',
      publishedAt: '2025-07-17T09:30:00Z',
      retrievedAt: '2025-07-17T10:00:00Z',
      excerpt:
        'A memo sent to Scale AI staff describes a company trying to steady itself after losing its founder to Meta: fewer teams, one demand-generation group in place of several sales units, and a bet that government work can replace projects from labs that now see it as tied to a rival.',
    },
  ],
};

const scaleAiZh: DemoBriefing = {
  key: 'scale-ai-zh',
  publish: 'auto',
  input: {
    language: 'zh-Hans',
    eventDate: '2025-07-16',
    entities: [
      { entityId: 'scale-ai', name: 'Scale AI', kind: 'company' },
      { entityId: 'meta', name: 'Meta', kind: 'company' },
      { entityId: 'alexandr-wang', name: 'Alexandr Wang', kind: 'person' },
      { entityId: 'jason-droege', name: 'Jason Droege', kind: 'person' },
    ],
    relatedKeys: ['scale-ai-en', 'meta-ai-talent', 'bain-emea-hyperscale', 'sparkle-geant'],
    autoPublish: { minGrade: 'A/B' },
    sections: SCALE_AI_SECTIONS.zh,
  },
  sources: [
    {
      url: 'https://36kr.com/demo/scale-ai-caiyuan',
      publisher: '36氪',
      kind: 'reporting',
      title: 'Scale AI裁员14%，生成式AI团队大幅整合（演示）',
      language: 'zh',
      publishedAt: '2025-07-17T03:15:00+08:00',
      retrievedAt: '2025-07-17T04:00:00+08:00',
      excerpt:
        'Scale AI近日裁减约14%的员工，涉及约200名全职员工，另有约500名外包人员的合作被终止。临时首席执行官Jason Droege在内部信中称，生成式AI业务扩张过快，原有16个团队将整合为代码、语言、专家、实验和音频5个方向。',
      note: '中文报道，裁员人数与英文通讯社报道一致。',
    },
    {
      // A syndicated copy: the 36氪 story republished by a portal with a credit line and light edits.
      // Its fingerprint puts it in 36氪's origin, so it adds nothing to the score (see docs/scoring.md).
      url: 'https://finance.sina.com.cn/demo/tech/scale-ai-caiyuan-zhuanzai',
      publisher: '新浪科技（转载）',
      kind: 'reporting',
      title: 'Scale AI裁员约14% 生成式AI团队整合为5个（演示）',
      language: 'zh',
      publishedAt: '2025-07-17T08:20:00+08:00',
      retrievedAt: '2025-07-17T09:00:00+08:00',
      excerpt:
        '来源：36氪。Scale AI近日裁减约１４％的员工，涉及约200名全职员工，另有约500名外包人员的合作被终止。临时首席执行官Jason Droege在内部信中表示，生成式AI业务扩张过快，原有16个团队将整合为代码、语言、专家、实验和音频5个方向。（责任编辑：王明）',
      note: '转载36氪原文，非独立来源。',
    },
    {
      url: 'https://www.jiemian.com/demo/scale-ai-meta-touzi-hou-caiyuan',
      publisher: '界面新闻',
      kind: 'reporting',
      title: 'Meta入股后，Scale AI宣布裁员并转向政府业务（演示）',
      language: 'zh',
      publishedAt: '2025-07-17T10:40:00+08:00',
      retrievedAt: '2025-07-17T11:00:00+08:00',
      excerpt:
        '在Meta以约143亿美元入股49%之后，数据标注公司Scale AI宣布重组：市场团队并入统一的需求生成部门，公司称资金充足，下一步将把重心放在企业、公共部门和政府客户上。谷歌和OpenAI据悉已暂停部分新项目。',
    },
    {
      // Scale AI published no Chinese statement: the first-party source is its English newsroom notice.
      url: 'https://scale.com/demo/newsroom/statement-on-restructuring',
      publisher: 'Scale AI',
      kind: 'direct',
      title: 'Statement on the restructuring of our generative-AI business (demo)',
      language: 'en',
      publishedAt: '2025-07-16T21:30:00Z',
      retrievedAt: '2025-07-16T22:00:00Z',
      excerpt:
        'We are restructuring our generative-AI business into five focused groups and reducing the size of the team. The company is well funded, and we will invest in enterprise, public-sector and government work.',
      note: '公司官方声明：确认重组及资金状况，未提及具体客户。',
    },
  ],
};

const metaAiTalent: DemoBriefing = {
  key: 'meta-ai-talent',
  publish: 'editor',
  input: {
    language: 'en',
    eventDate: '2025-06-30',
    entities: [
      { entityId: 'meta', name: 'Meta', kind: 'company' },
      { entityId: 'scale-ai', name: 'Scale AI', kind: 'company' },
      { entityId: 'alexandr-wang', name: 'Alexandr Wang', kind: 'person' },
    ],
    relatedKeys: ['scale-ai-en', 'scale-ai-zh'],
    sections: {
      headline: 'Meta pairs an aggressive AI hiring drive with its bet on Scale AI',
      coverage:
        'Meta is covered for market relevance and for the governance questions raised when a platform company buys into a supplier its rivals depend on.',
      publishedReporting: [
        'Meta has regrouped its artificial-intelligence research around a new superintelligence lab and, according to several reports, has been recruiting researchers from competing labs with unusually large pay packages.',
        "The centrepiece is a reported investment of roughly $14.3 billion for 49% of Scale AI, which brought that company's co-founder Alexandr Wang to Meta to run the lab.",
        'Buying a minority stake rather than the whole company gave Meta a founder and a close data partner without a full acquisition.',
        'The side effects are already visible: Scale AI has since cut staff, and some of its other large customers have reportedly paused new work.',
      ].join(' '),
      signalBrief: {
        signal: 'Meta concentrates AI talent through aggressive hiring and a 49% stake in Scale AI',
        signalType: 'Market',
        region: 'Global',
        marketClass: 'Institutional',
      },
      operatingSurface: {
        affectedParties: ['Meta', 'Scale AI', 'Competing AI labs losing researchers', 'Senior AI researchers and engineers'],
        operatingSurface:
          "Recruitment and retention of senior AI researchers; access to labelled training data through the Scale AI relationship; Meta's internal model roadmap.",
        marketExposure:
          "Rising compensation across the AI labour market; AI capital spending visible in Meta's results; competitive pressure on rival labs and on independent data vendors.",
      },
      marketContext: { operationalRelevance: 'High', timeHorizon: 'Next two quarters' },
      whatToWatch: [
        'Statements from Meta on the structure and leadership of its superintelligence lab.',
        'Regulatory attention to minority-stake deals that move founders and teams without a merger filing.',
        'Partner exposure: whether other Scale AI customers keep shifting work elsewhere.',
        "Follow-up disclosures of AI capital expenditure and headcount in Meta's quarterly reports.",
      ],
      trendContext: [
        'Large platforms compete for a small pool of researchers able to train frontier models, and they increasingly use hire-and-license deals and large minority stakes because these close faster than acquisitions.',
        "Meta's approach gathers talent quickly but makes retention expensive, since a competitor can match any offer a year later.",
        'The Scale AI stake shows the second-order cost: a supplier aligned with one lab loses the trust of the others, and the data-services market reshapes itself around that loss.',
        'Investors will judge the strategy on whether the new lab ships models that close the gap with rivals within the next year or two.',
      ].join(' '),
      relationshipEvidence: [
        {
          from: 'Meta',
          to: 'Scale AI',
          relation: 'Investor (reported 49% stake)',
          evidence: 'Reported in June 2025 by several outlets; Scale AI referred to the investment in its own update.',
        },
        {
          from: 'Alexandr Wang',
          to: 'Meta',
          relation: 'Head of the superintelligence lab',
          evidence: 'Left Scale AI to lead the lab in June 2025, in the same period as the reported investment.',
        },
      ],
      failurePaths: [
        {
          path: 'Hiring costs rise faster than model quality, and shareholders push back on AI capital spending.',
          affected: 'Meta shareholders and the AI organisation',
        },
        {
          path: 'Key hires leave once their retention packages vest, restarting the bidding at higher prices.',
          affected: "Meta's model roadmap",
        },
      ],
    },
  },
  sources: [
    {
      url: 'https://www.cnbc.com/demo/meta-superintelligence-lab',
      publisher: 'CNBC',
      kind: 'reporting',
      title: 'Meta forms a superintelligence lab led by Alexandr Wang (demo)',
      language: 'en',
      publishedAt: '2025-06-30T17:00:00Z',
      retrievedAt: '2025-06-30T18:00:00Z',
      excerpt:
        'Meta is creating a superintelligence lab and has named Alexandr Wang, the co-founder of Scale AI, to lead it, following its multibillion-dollar investment in his company. The group brings together researchers hired from rival labs over recent weeks.',
    },
    {
      url: 'https://www.nytimes.com/demo/meta-ai-researcher-pay',
      publisher: 'The New York Times',
      kind: 'reporting',
      title: 'The price of an AI researcher at Meta (demo)',
      language: 'en',
      publishedAt: '2025-07-02T10:00:00Z',
      retrievedAt: '2025-07-02T12:00:00Z',
      excerpt:
        'Offers to senior AI researchers at Meta have reached packages worth tens of millions of dollars over several years, according to people familiar with them, as the company tries to close the gap with OpenAI and Google.',
      note: 'Compensation figures come from unnamed people familiar with the offers; treat them as indicative.',
    },
    {
      url: 'https://www.techmeme.com/demo/meta-scale-ai-roundup',
      publisher: 'Techmeme',
      kind: 'secondary',
      title: 'Roundup: Meta, Scale AI and the AI talent race (demo)',
      language: 'en',
      publishedAt: '2025-07-03T08:00:00Z',
      retrievedAt: '2025-07-03T08:30:00Z',
      excerpt:
        "Roundup of coverage: Meta's stake in Scale AI, the departure of Alexandr Wang to Meta, and a run of researcher hires from OpenAI, Google DeepMind and Apple.",
    },
    {
      url: 'https://intel.signal.local/demo/monitoring/meta-ai-hiring-tracker',
      publisher: 'Signal Briefings monitoring',
      kind: 'internal',
      title: 'Internal tracker of senior AI moves to Meta (demo)',
      language: 'en',
      publishedAt: '2025-07-04T12:00:00Z',
      retrievedAt: '2025-07-04T12:05:00Z',
      excerpt: 'Tracker count for June: eleven senior AI researchers announced moves to Meta on public profiles, seven of them from OpenAI.',
      note: 'Internal count of announced moves from public profiles; not independently verified.',
    },
  ],
};

const bainEmeaHyperscale: DemoBriefing = {
  key: 'bain-emea-hyperscale',
  publish: 'editor',
  input: {
    language: 'en',
    eventDate: '2025-07-22',
    entities: [{ entityId: 'bain-capital', name: 'Bain Capital', kind: 'company' }],
    relatedKeys: ['sparkle-geant', 'scale-ai-en'],
    sections: {
      headline: 'Bain Capital launches a hyperscale data-centre platform for Europe, the Middle East and Africa',
      coverage:
        'Bain Capital is covered for infrastructure signals: a new well-funded developer of hyperscale capacity changes where cloud and AI workloads in the region can be placed.',
      publishedReporting: [
        'Bain Capital has announced a new platform to develop and operate hyperscale data centres across Europe, the Middle East and Africa.',
        'The firm has backed hyperscale data-centre businesses in Asia before and is applying a similar build-to-suit model here, aimed at cloud providers and large AI tenants.',
        'Power availability, grid connections and planning permission will decide how quickly the platform can deliver capacity.',
        'For tenants, another well-capitalised developer adds choice in markets where hyperscale space is scarce.',
      ].join(' '),
      signalBrief: {
        signal: 'A new private-capital hyperscale developer enters the EMEA data-centre market',
        signalType: 'Infrastructure',
        region: 'EMEA',
        marketClass: 'Institutional',
      },
      operatingSurface: {
        affectedParties: [
          'Hyperscale cloud providers',
          'AI developers renting large GPU halls',
          'Grid operators and utilities',
          'Competing data-centre developers',
          'Local planning authorities',
        ],
        operatingSurface: 'Site acquisition, power procurement, construction and long-term leasing of hyperscale campuses in EMEA markets.',
        marketExposure:
          'Competition for scarce grid capacity and powered land in primary markets; wholesale lease pricing; private-capital appetite for digital infrastructure.',
      },
      marketContext: { operationalRelevance: 'Medium', timeHorizon: '12 to 24 months' },
      whatToWatch: [
        "Official statements naming the platform's leadership, first sites and target capacity.",
        'Regulatory updates on grid-connection queues and data-centre energy rules in the EU and the Gulf states.',
        'Customer and partner exposure: which hyperscalers sign anchor leases.',
        'Follow-up disclosures of acquisitions or joint ventures with local developers.',
      ],
      trendContext: [
        'Private-equity and infrastructure funds have become the main financiers of new data-centre capacity, because hyperscalers prefer to lease rather than build everything themselves while AI demand is uncertain.',
        'In Europe the binding limit is power: several primary markets have slowed or rationed new grid connections, pushing developers toward secondary cities, the Nordics and the Middle East.',
        'A deep-pocketed entrant can outbid incumbents for powered land, yet it still faces multi-year lead times for substations and transformers.',
        'Success will depend less on money than on securing energised sites before the current demand cycle cools.',
      ].join(' '),
      relationshipEvidence: [
        {
          from: 'Bain Capital',
          to: 'EMEA hyperscale platform',
          relation: 'Founding sponsor',
          evidence: "Stated in Bain Capital's press release announcing the platform.",
        },
        {
          from: 'EMEA hyperscale platform',
          to: 'Hyperscale cloud providers',
          relation: 'Target tenants',
          evidence: 'The announcement describes build-to-suit capacity for cloud and AI customers; no tenant is named yet.',
        },
      ],
      failurePaths: [
        {
          path: 'Grid connections arrive years late, so committed capital sits in land that cannot be energised.',
          affected: 'Bain Capital investors and waiting tenants',
        },
        {
          path: 'AI demand cools before anchor leases are signed, leaving speculative capacity to be let at lower prices.',
          affected: 'The platform and competing developers in the same markets',
        },
      ],
    },
  },
  sources: [
    {
      url: 'https://www.baincapital.com/demo/news/emea-hyperscale-platform',
      publisher: 'Bain Capital',
      kind: 'direct',
      title: 'Bain Capital launches EMEA hyperscale data centre platform (demo)',
      language: 'en',
      publishedAt: '2025-07-22T07:00:00Z',
      retrievedAt: '2025-07-22T07:30:00Z',
      excerpt:
        'Bain Capital today announced a new platform to develop and operate hyperscale data centre campuses across Europe, the Middle East and Africa, serving cloud and AI customers that need large, power-dense capacity.',
      note: 'Press release: confirms the platform and its target customers; gives no capacity or site figures.',
    },
    {
      url: 'https://www.ft.com/demo/bain-capital-emea-data-centres',
      publisher: 'Financial Times',
      kind: 'reporting',
      title: 'Bain Capital bets on European and Middle Eastern data centres (demo)',
      language: 'en',
      publishedAt: '2025-07-22T11:30:00Z',
      retrievedAt: '2025-07-22T12:00:00Z',
      excerpt:
        'The private equity group is entering a crowded market for large data centres in Europe and the Gulf, where access to grid power rather than land has become the main constraint on new capacity for AI workloads.',
    },
    {
      url: 'https://www.datacenterknowledge.com/demo/weekly-roundup-bain-emea',
      publisher: 'Data Center Knowledge',
      kind: 'secondary',
      title: 'Weekly roundup: new EMEA hyperscale entrants (demo)',
      language: 'en',
      publishedAt: '2025-07-25T09:00:00Z',
      retrievedAt: '2025-07-25T09:30:00Z',
      excerpt:
        "This week's roundup: new entrants in EMEA hyperscale development, including a Bain Capital platform, plus grid connection delays in Frankfurt and Dublin.",
    },
  ],
};

const sparkleGeant: DemoBriefing = {
  key: 'sparkle-geant',
  publish: 'editor',
  input: {
    language: 'en',
    eventDate: '2025-09-10',
    entities: [
      { entityId: 'sparkle', name: 'Sparkle', kind: 'company' },
      { entityId: 'geant', name: 'GÉANT', kind: 'network' },
    ],
    relatedKeys: ['bain-emea-hyperscale'],
    sections: {
      headline: 'Sparkle adds GÉANT research-network routes across Europe, Africa and the Middle East',
      coverage:
        'Sparkle is covered for internet infrastructure and operational-dependency signals, since research and education networks ride on its subsea and terrestrial capacity.',
      publishedReporting: [
        'Sparkle, the international wholesale carrier of the TIM group, is supplying GÉANT with new routes that link European research networks with partners in Africa and the Middle East.',
        'GÉANT interconnects national research and education networks, so the added paths give universities and laboratories more diverse routes for large scientific data transfers.',
        "The agreement extends Sparkle's role as a carrier for the research community beyond Europe's core.",
        'One industry newsletter questions whether all of the Middle East routes are already in service, which holds confidence in this briefing at medium.',
      ].join(' '),
      signalBrief: {
        signal: 'More diverse research-network connectivity between Europe, Africa and the Middle East through Sparkle',
        signalType: 'Infrastructure',
        region: 'EMEA / Africa / Middle East',
        marketClass: 'Research and education',
      },
      operatingSurface: {
        affectedParties: [
          'GÉANT and its member national research networks',
          'Universities and research laboratories in Africa and the Middle East',
          'Sparkle',
          'Other carriers bidding for research-network capacity',
        ],
        operatingSurface:
          'Long-haul subsea and terrestrial routes, landing stations and points of presence carrying research traffic between Europe, Africa and the Middle East.',
        marketExposure:
          'Wholesale capacity pricing on Mediterranean and Red Sea routes; route diversity for research traffic; competition among carriers for public research contracts.',
      },
      marketContext: { operationalRelevance: 'Medium', timeHorizon: '6 to 12 months' },
      whatToWatch: [
        'Official statements from GÉANT or Sparkle on which routes are live and which are still planned.',
        'Regulatory updates affecting cable landings and permits around the Red Sea and the eastern Mediterranean.',
        'Exposure of partner research networks that will come to depend on the new paths.',
        'Follow-up disclosures on capacity, latency and resilience commitments.',
      ],
      trendContext: [
        'Research and education networks are diversifying their long-haul routes after subsea cable cuts in the Red Sea showed how concentrated traffic between Europe, Africa and Asia had become.',
        'Carriers with Mediterranean landing stations, Sparkle among them, are well placed to sell that diversity.',
        'Public research contracts bring modest revenue but run for years, carry reputational weight, and often anchor later commercial capacity on the same systems.',
        'The open question is delivery, because announcements in this segment often bundle live routes with routes still under construction.',
      ].join(' '),
      relationshipEvidence: [
        {
          from: 'Sparkle',
          to: 'GÉANT',
          relation: 'Capacity supplier',
          evidence: "Stated in Sparkle's announcement of the new routes.",
        },
      ],
      failurePaths: [
        {
          path: 'The Middle East segments slip, leaving research traffic on the same congested paths as before.',
          affected: 'Research networks and universities in the Middle East',
        },
        {
          path: 'Several new routes share one landing station, so a single outage removes the diversity the deal promised.',
          affected: 'GÉANT members relying on the new paths',
        },
      ],
    },
  },
  sources: [
    {
      url: 'https://www.tisparkle.com/demo/news/geant-new-routes',
      publisher: 'Sparkle',
      kind: 'direct',
      title: 'Sparkle extends its partnership with GÉANT to Africa and the Middle East (demo)',
      language: 'en',
      publishedAt: '2025-09-10T08:00:00Z',
      retrievedAt: '2025-09-10T08:30:00Z',
      excerpt:
        'Sparkle will provide GÉANT with new routes connecting European research and education networks with partners in Africa and the Middle East, adding diversity to research traffic between the regions.',
    },
    {
      url: 'https://www.capacitymedia.com/demo/sparkle-geant-routes',
      publisher: 'Capacity Media',
      kind: 'reporting',
      title: 'Sparkle wins GÉANT routes spanning three regions (demo)',
      language: 'en',
      publishedAt: '2025-09-10T14:00:00Z',
      retrievedAt: '2025-09-10T15:00:00Z',
      excerpt:
        "The TIM group's international carrier has been selected by GÉANT for routes spanning three regions, extending its role as a supplier to the research community beyond Europe.",
    },
    {
      url: 'https://www.submarinenetworks.com/demo/sparkle-geant-route-status',
      publisher: 'Submarine Networks',
      kind: 'secondary',
      stance: 'contradicts',
      reliability: { grade: 'B', reason: 'Specialist subsea-cable newsletter with a good record on route status.' },
      credibility: 3,
      title: 'Not all of the new GÉANT routes are lit yet (demo)',
      language: 'en',
      publishedAt: '2025-09-12T06:00:00Z',
      retrievedAt: '2025-09-12T07:00:00Z',
      excerpt:
        'Not all of the newly announced GÉANT routes are lit: according to people involved in the project, part of the Middle East capacity is still planned and depends on a cable landing that is not yet complete.',
      note: 'Contradicts the announcement on timing only: says part of the Middle East capacity is planned rather than in service.',
    },
  ],
};

const draftExample: DemoBriefing = {
  key: 'draft-example',
  publish: 'draft',
  input: {
    language: 'en',
    eventDate: '2025-10-03',
    entities: [{ entityId: 'demo-nordic-colo', name: 'Example Nordic Colocation (fictional)', kind: 'company' }],
    relatedKeys: [],
    sections: {
      headline: 'Unverified post claims a Nordic colocation operator is pausing a campus build',
      coverage: 'This fictional operator is tracked for operational-dependency signals: several regional hosting firms rent space from it.',
      publishedReporting:
        'A single social-media post says construction at the operator’s second campus has stopped. No company statement, filing or published report supports the claim so far.',
      signalBrief: {
        signal: 'Rumoured pause of a colocation campus build',
        signalType: 'Operational dependency',
        region: 'Nordics',
        marketClass: 'Mid-market',
      },
      operatingSurface: {
        affectedParties: ['Regional hosting firms renting space', 'The operator’s construction contractors'],
        operatingSurface: 'Planned capacity at a second colocation campus.',
        marketExposure: 'Local colocation supply if the extra capacity arrives late.',
      },
      marketContext: { operationalRelevance: 'Low', timeHorizon: 'Unclear' },
      whatToWatch: ['Any statement from the operator about its construction schedule.'],
      trendContext: 'Rumours about paused builds spread quickly when financing conditions tighten, and most turn out to be routine schedule changes.',
      relationshipEvidence: [],
      failurePaths: [],
    },
  },
  sources: [
    {
      url: 'https://x.com/demo/status/1900000000000000000',
      publisher: 'X (unverified account)',
      kind: 'social',
      title: 'Post about a stopped build site (demo)',
      language: 'en',
      publishedAt: '2025-10-03T19:45:00Z',
      retrievedAt: '2025-10-03T20:00:00Z',
      excerpt: 'Cranes gone and gates locked at the second campus site this morning. Looks like the build has stopped.',
      note: 'Single anonymous post with one photo; location not verified. Keep as a draft until a second source appears.',
    },
  ],
};

/** The briefings in seeding order (a briefing may relate to any other key; the seeder resolves ids after creating all). */
/**
 * The English Scale AI briefing also carries the Chinese text as its `zh` translation (the brief's example page
 * was Chinese): `GET /briefings/<id>?lang=zh` or `Accept-Language: zh-CN` serves it. The Chinese original stays
 * a briefing of its own, to show a briefing written in Chinese.
 */
const scaleAiBilingual: DemoBriefing = { ...scaleAiEn, input: { ...scaleAiEn.input, translations: { zh: scaleAiZh.input.sections } } };

export const DEMO_BRIEFINGS: DemoBriefing[] = [scaleAiBilingual, scaleAiZh, metaAiTalent, bainEmeaHyperscale, sparkleGeant, draftExample];

/** The source the start banner suggests posting (its body is validated by the demo-data test). */
export const EXAMPLE_SOURCE: DemoSource = {
  url: 'https://example.com/demo/new-article',
  publisher: 'Example',
  kind: 'reporting',
  title: 'A new article',
  excerpt: 'Scale AI told customers on Monday that its enterprise unit will hire again next quarter.',
};

/** An entity profile as the seeder PUTs it to /entities/{entityId} (as the demo analyst). */
export interface DemoEntity {
  entityId: string;
  profile: z.input<typeof EntityProfileInput>;
}

/**
 * Profiles of the entities the demo briefings name, with English and Chinese
 * names, and the relationships the briefings report. Listed so that every
 * relationship's target comes before the entity that states it (a PUT naming
 * an unknown entity is refused). Evidence points at demo URLs only.
 */
export const DEMO_ENTITIES: DemoEntity[] = [
  {
    entityId: 'scale-ai',
    profile: {
      name: 'Scale AI',
      kind: 'company',
      aliases: [
        { language: 'en', name: 'Scale' },
        { language: 'zh', name: 'Scale AI 数据标注公司' },
      ],
      coverage:
        'A supplier of training data and evaluation to the large model labs: a dependency for AI builders and a bellwether for the data-labelling market.',
    },
  },
  {
    entityId: 'geant',
    profile: {
      name: 'GÉANT',
      kind: 'network',
      aliases: [
        { language: 'en', name: 'GEANT' },
        { language: 'zh', name: '欧洲科研教育网络 GÉANT' },
      ],
      coverage: "Europe's research and education backbone: its routes and partners shape connectivity for universities across three continents.",
    },
  },
  {
    entityId: 'bain-capital',
    profile: {
      name: 'Bain Capital',
      kind: 'company',
      aliases: [
        { language: 'en', name: 'Bain Capital LP' },
        { language: 'zh', name: '贝恩资本' },
      ],
      coverage: 'A private-equity investor backing data-centre platforms: a signal for where hyperscale capacity in EMEA gets financed.',
    },
  },
  {
    entityId: 'meta',
    profile: {
      name: 'Meta',
      kind: 'company',
      aliases: [
        { language: 'en', name: 'Meta Platforms' },
        { language: 'zh', name: 'Meta 平台公司' },
      ],
      coverage: 'A hyperscale AI spender whose investments and hiring move suppliers, talent markets and competitors.',
      relationships: [
        {
          relation: 'investor in',
          target: 'scale-ai',
          since: '2025-06',
          summary: 'Reported to have bought about 49% of Scale AI for roughly $14.3B.',
          evidence: [
            {
              text: 'Deal reporting puts the stake near half of the company, without voting control.',
              url: 'https://example.com/demo/meta-scale-stake',
            },
          ],
        },
      ],
    },
  },
  {
    entityId: 'google',
    profile: {
      name: 'Google',
      kind: 'company',
      aliases: [
        { language: 'en', name: 'Alphabet' },
        { language: 'zh', name: '谷歌' },
      ],
      coverage: 'A model developer and cloud provider: its supplier choices signal how labs manage exposure to rivals.',
      relationships: [
        {
          relation: 'partner paused',
          target: 'scale-ai',
          since: '2025-06',
          summary: 'Reported to have stepped back from new Scale AI projects after the Meta deal.',
          evidence: [
            { text: 'People familiar with the projects said new work orders were put on hold.', url: 'https://example.com/demo/google-pauses-scale' },
          ],
        },
      ],
    },
  },
  {
    entityId: 'openai',
    profile: {
      name: 'OpenAI',
      kind: 'company',
      aliases: [
        { language: 'en', name: 'OpenAI Inc.' },
        { language: 'zh', name: 'OpenAI 人工智能研究公司' },
      ],
      coverage: 'A frontier model lab: where it buys data and compute is a leading indicator for the supply chain around it.',
      relationships: [
        {
          relation: 'partner paused',
          target: 'scale-ai',
          since: '2025-06',
          summary: 'Said to be winding down its Scale AI work while moving to other data vendors.',
          evidence: [
            {
              text: 'The lab told reporters it had been shifting work to other providers for months.',
              url: 'https://example.com/demo/openai-winds-down-scale',
            },
          ],
        },
      ],
    },
  },
  {
    entityId: 'alexandr-wang',
    profile: {
      name: 'Alexandr Wang',
      kind: 'person',
      aliases: [
        { language: 'en', name: 'Alex Wang' },
        { language: 'zh', name: '亚历山大·王' },
      ],
      coverage: "Co-founder of Scale AI; his move to Meta's superintelligence lab is a signal of the talent race among AI labs.",
      relationships: [
        { relation: 'founder of', target: 'scale-ai', summary: 'Co-founded Scale AI and led it as chief executive until 2025.' },
        {
          relation: 'executive moved to',
          target: 'meta',
          since: '2025-06',
          summary: "Left Scale AI to join Meta's new superintelligence lab.",
          evidence: [{ text: 'An internal note announced his departure and his new role at Meta.', url: 'https://example.com/demo/wang-joins-meta' }],
        },
      ],
    },
  },
  {
    entityId: 'jason-droege',
    profile: {
      name: 'Jason Droege',
      kind: 'person',
      aliases: [
        { language: 'en', name: 'J. Droege' },
        { language: 'zh', name: '杰森·德罗格' },
      ],
      coverage: "Scale AI's interim chief executive: his memos set the direction of the restructuring.",
      relationships: [
        {
          relation: 'executive of',
          target: 'scale-ai',
          since: '2025-06',
          summary: 'Interim chief executive of Scale AI after the founder left.',
          evidence: [
            { text: 'His memo to staff explained the consolidation of the generative-AI teams.', url: 'https://example.com/demo/droege-memo' },
          ],
        },
      ],
    },
  },
  {
    entityId: 'sparkle',
    profile: {
      name: 'Sparkle',
      kind: 'company',
      aliases: [
        { language: 'en', name: 'Telecom Italia Sparkle' },
        { language: 'zh', name: '意大利电信 Sparkle' },
      ],
      coverage: 'An international wholesale carrier: its route deals change the paths traffic takes between Europe, Africa and the Middle East.',
      relationships: [
        {
          relation: 'partner of',
          target: 'geant',
          summary: 'Carries new GÉANT routes across Europe, Africa and the Middle East.',
          evidence: [
            {
              text: 'The carrier announced the added research-network routes on its backbone.',
              url: 'https://example.com/demo/sparkle-geant-routes',
            },
          ],
        },
      ],
    },
  },
];

/**
 * Who follows what, by demo user key. The seeder follows these before any
 * briefing is published, so each member finds alerts after seeding: the
 * Strategy Circle member's promise trend context, the Leadership Alliance
 * member's every section.
 */
export const DEMO_WATCHLISTS: Record<string, string[]> = {
  strategy: ['scale-ai'],
  leadership: ['scale-ai', 'meta'],
};
