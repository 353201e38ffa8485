/**
 * The examples of the OpenAPI document (tools/openapi.ts): one briefing and one of its sources, as a client
 * would send them. They are the text of the Scale AI demo briefing, which the local stack seeds from here
 * (local/demo-data.ts), so that the document shows what `npm start` serves.
 */
import type * as z from 'zod/mini';
import type { BriefingInput } from '#domain/briefing.ts';
import type { WrittenSections } from '#domain/sections.ts';
import type { SourceInput } from '#domain/source.ts';

type Sections = z.input<typeof WrittenSections>;

/** The Scale AI briefing: its English original and its Chinese translation. */
export const SCALE_AI_SECTIONS: { en: Sections; zh: Sections } = {
  en: {
    headline: "Scale AI lays off about 14% of its staff and folds its generative-AI teams weeks after Meta's 49% stake",
    coverage:
      'Scale AI is tracked for market relevance: its data-labelling work sits underneath many frontier model programmes, ' +
      'so changes there carry internet infrastructure, governance, market and operational-dependency signals.',
    publishedReporting: [
      'Scale AI has laid off roughly 14% of its workforce, about 200 full-time employees, and ended work with around 500 contractors.',
      "The cuts come shortly after Meta's reported investment of about $14.3 billion for a 49% stake, and after co-founder Alexandr Wang left to lead Meta's new superintelligence lab.",
      'In an internal memo, interim chief executive Jason Droege wrote that the generative-AI business had expanded faster than it could sustain.',
      'Its sixteen teams are being folded into five groups (code, languages, experts, experimental and audio), and the go-to-market teams become a single demand-generation unit.',
      'Google and OpenAI have reportedly paused new projects with the company because of its ties to Meta.',
      'Scale AI maintains that it is well funded and says it will redirect investment toward enterprise, public-sector and government AI customers.',
      'This matters because a vendor that many model builders relied on is now partly owned by one of their competitors.',
    ].join(' '),
    signalBrief: {
      signal: "Workforce cut and restructuring at Scale AI following Meta's minority investment and the founder's departure",
      signalType: 'Market',
      region: 'Global',
      marketClass: 'Institutional',
    },
    operatingSurface: {
      affectedParties: [
        'Scale AI employees and contractors',
        'Frontier model developers that buy labelled data, including Google and OpenAI',
        'Meta',
        'Enterprise and public-sector buyers of AI services',
        'Rival data-annotation vendors',
      ],
      operatingSurface:
        'Human data-labelling and evaluation pipelines used to train and test large language models; the contractor networks ' +
        'that supply expert annotation; account management for generative-AI customers.',
      marketExposure:
        "Revenue concentrated in a handful of frontier labs, some of which now compete with Scale AI's largest shareholder; " +
        'an opening for rival annotation vendors; valuation pressure on the AI data-services segment.',
    },
    marketContext: { operationalRelevance: 'High', timeHorizon: 'Next quarter' },
    whatToWatch: [
      'Official statements from Scale AI, Meta, Google or OpenAI on the status of existing contracts.',
      "Regulatory updates, including any competition review of Meta's stake and the governance rights attached to it.",
      'Customer and partner exposure: which model developers move annotation work to other vendors.',
      'Follow-up disclosures on headcount, contractor pay and the size of the enterprise and government pipeline.',
    ],
    trendContext: [
      'The cuts fit a wider pattern in which large platforms secure AI talent and data supply through big minority stakes instead of full acquisitions, moving key people without a complete merger review.',
      'For a supplier whose value rests on neutrality, such an investment can cost more in customer trust than it brings in capital.',
      'Labs that treat their training data as a competitive secret are reluctant to route it through a vendor aligned with a rival.',
      'Demand for generic annotation is also softening as models produce more synthetic data and labs bring expert labelling in-house, leaving the value in specialised work such as code, languages and audio, which matches the groups the company kept.',
      'Enterprise and government buyers offer steadier contracts, but they buy slowly and expect security clearances, so revenue is likely to dip before any recovery.',
      'Competing annotation providers are the near-term winners if frontier labs keep spreading their work across vendors.',
    ].join(' '),
    relationshipEvidence: [
      {
        from: 'Meta',
        to: 'Scale AI',
        relation: 'Investor (reported 49% stake)',
        evidence: 'Investment of about $14.3 billion reported by several outlets in June 2025 and referred to in Scale AI’s own update.',
      },
      {
        from: 'Alexandr Wang',
        to: 'Meta',
        relation: 'Executive (moved from Scale AI)',
        evidence: "Scale AI's co-founder left the company to lead Meta's new superintelligence lab.",
      },
      {
        from: 'Jason Droege',
        to: 'Scale AI',
        relation: 'Interim chief executive',
        evidence: 'Author of the internal memo announcing the layoffs and the consolidation of the generative-AI teams.',
      },
      {
        from: 'Google',
        to: 'Scale AI',
        relation: 'Customer (new projects reportedly paused)',
        evidence: 'Press reports attribute the pause to the Meta relationship; Google has not confirmed it.',
      },
      {
        from: 'OpenAI',
        to: 'Scale AI',
        relation: 'Customer (new projects reportedly paused)',
        evidence: 'Reported alongside the Google pause; no public statement from OpenAI on existing contracts.',
      },
    ],
    failurePaths: [
      {
        path: 'More frontier-lab customers end their contracts, leaving revenue dependent on Meta and on slow government procurement.',
        affected: 'Scale AI staff, investors and remaining contractors',
      },
      {
        path: "A competition or national-security review questions Meta's stake and delays the public-sector pivot.",
        affected: 'Scale AI, Meta and public-sector buyers',
      },
      {
        path: 'Experienced contractors leave, data quality in the retained groups slips, and model developers see it in their evaluations.',
        affected: 'Model developers that rely on Scale AI data and their enterprise users',
      },
    ],
  },
  zh: {
    headline: 'Meta入股49%数周后，Scale AI裁员约14%并整合生成式AI团队',
    coverage:
      'Scale AI因其市场相关性被纳入跟踪：众多前沿模型项目依赖它的数据标注服务，' +
      '因此该公司的变动会释放互联网基础设施、治理、市场及运营依赖方面的信号。',
    publishedReporting: [
      'Scale AI裁减了约14%的员工，涉及约200名全职员工，并终止了与约500名外包人员的合作。',
      '在此之前，Meta据报道以约143亿美元取得该公司49%的股份，联合创始人Alexandr Wang随即离职，加入Meta新成立的超级智能实验室。',
      '临时首席执行官Jason Droege在内部备忘录中表示，生成式AI业务扩张过快，已难以为继。',
      '该业务原有的16个团队将合并为5个，分别是代码、语言、专家、实验和音频；市场拓展团队则并入统一的“需求生成”部门。',
      '据报道，谷歌和OpenAI因Scale AI与Meta的关系，已暂停与其开展新项目。',
      'Scale AI表示公司资金充足，并将把投资重点转向企业、公共部门和政府领域的AI业务。',
      '此事值得关注，是因为许多模型开发商所依赖的供应商，如今有近一半股权握在它们的竞争对手手中。',
    ].join(''),
    signalBrief: {
      signal: 'Meta入股及创始人离职后，Scale AI裁员并重组生成式AI业务',
      signalType: 'Market',
      region: 'Global',
      marketClass: 'Institutional',
    },
    operatingSurface: {
      affectedParties: [
        'Scale AI员工及外包人员',
        '采购标注数据的前沿模型开发商（包括谷歌和OpenAI）',
        'Meta',
        '企业及公共部门的AI服务采购方',
        '同业数据标注服务商',
      ],
      operatingSurface: '用于训练和评测大语言模型的人工数据标注与评估流程；提供专家级标注的外包人员网络；面向生成式AI客户的客户管理。',
      marketExposure: '收入集中于少数前沿实验室，其中部分客户如今与Scale AI的最大股东存在竞争；同业标注服务商迎来机会；AI数据服务板块估值承压。',
    },
    marketContext: { operationalRelevance: 'High', timeHorizon: '下一季度' },
    whatToWatch: [
      'Scale AI、Meta、谷歌或OpenAI就现有合同状态发布的官方声明。',
      '监管动态，包括对Meta所持股份及其附带治理权利可能开展的竞争审查。',
      '客户与合作伙伴敞口：哪些模型开发商会把标注业务转给其他供应商。',
      '后续披露：员工人数、外包人员报酬，以及企业和政府业务储备的规模。',
    ],
    trendContext: [
      '此次裁员契合一个更广泛的趋势：大型平台不再整体收购，而是通过大比例少数股权锁定AI人才和数据供应，既能带走关键人物，又无需经历完整的并购审查。',
      '对于一家以中立为核心价值的供应商而言，接受此类投资所损失的客户信任，可能超过它带来的资金。',
      '把训练数据视为竞争机密的实验室，不愿再通过与对手结盟的供应商处理数据。',
      '与此同时，随着模型生成更多合成数据、实验室把专家标注收回内部，通用标注需求正在走弱，价值集中到代码、语言、音频等专业领域，这与该公司保留的方向相吻合。',
      '企业和政府客户能带来更稳定的合同，但采购周期长，还要求安全资质，因此收入很可能先降后升。',
      '如果前沿实验室继续把业务分散给多家供应商，其他标注服务商将在短期内受益。',
    ].join(''),
    relationshipEvidence: [
      {
        from: 'Meta',
        to: 'Scale AI',
        relation: '投资方（据报道持股49%）',
        evidence: '2025年6月多家媒体报道了约143亿美元的投资，Scale AI在其公告中亦有提及。',
      },
      {
        from: 'Alexandr Wang',
        to: 'Meta',
        relation: '高管（由Scale AI转投）',
        evidence: 'Scale AI联合创始人离开公司，出任Meta新成立的超级智能实验室负责人。',
      },
      {
        from: 'Jason Droege',
        to: 'Scale AI',
        relation: '临时首席执行官',
        evidence: '宣布裁员及生成式AI团队整合的内部备忘录出自其手。',
      },
      {
        from: '谷歌',
        to: 'Scale AI',
        relation: '客户（据报道已暂停新项目）',
        evidence: '媒体报道称暂停与Meta的关系有关，谷歌尚未证实。',
      },
      {
        from: 'OpenAI',
        to: 'Scale AI',
        relation: '客户（据报道已暂停新项目）',
        evidence: '与谷歌暂停合作的消息一同被报道，OpenAI未就现有合同发表公开声明。',
      },
    ],
    failurePaths: [
      { path: '更多前沿实验室客户终止合同，使收入过度依赖Meta和进展缓慢的政府采购。', affected: 'Scale AI员工、投资者及留任的外包人员' },
      { path: '竞争或国家安全审查对Meta的持股提出质疑，拖慢向公共部门的转型。', affected: 'Scale AI、Meta及公共部门采购方' },
      {
        path: '资深外包人员流失，保留业务的数据质量下滑，模型开发商在评测中察觉到这一变化。',
        affected: '依赖Scale AI数据的模型开发商及其企业用户',
      },
    ],
  },
};

/** A complete briefing as an analyst creates it (POST /briefings). */
export const EXAMPLE_BRIEFING_INPUT: z.input<typeof BriefingInput> = {
  language: 'en',
  eventDate: '2025-07-16',
  entities: [
    { entityId: 'scale-ai', name: 'Scale AI', kind: 'company' },
    { entityId: 'meta', name: 'Meta', kind: 'company' },
    { entityId: 'alexandr-wang', name: 'Alexandr Wang', kind: 'person' },
    { entityId: 'jason-droege', name: 'Jason Droege', kind: 'person' },
  ],
  autoPublish: { minGrade: 'A/B' },
  sections: SCALE_AI_SECTIONS.en,
  translations: { zh: SCALE_AI_SECTIONS.zh },
  related: [],
};

/** A source of that briefing as an analyst adds it (POST /sources, with the briefing's id). */
export const EXAMPLE_SOURCE_INPUT: Omit<z.input<typeof SourceInput>, 'briefingId'> = {
  url: 'https://www.reuters.com/demo/scale-ai-layoffs',
  publisher: 'Reuters',
  kind: 'reporting',
  title: 'Scale AI cuts 14% of staff after Meta investment (demo)',
  language: 'en',
  publishedAt: '2025-07-16T18:20:00Z',
  retrievedAt: '2025-07-16T18:45:00Z',
  excerpt:
    'Scale AI is laying off about 14% of its staff, roughly 200 full-time employees, and ending contracts with around 500 contractors, according to an internal memo. The data-labelling company said its generative-AI unit had grown too fast. The cuts come weeks after Meta agreed to invest about $14.3 billion for a 49% stake.',
  note: 'First wire report with the headcount figures; matches the memo as later quoted by other outlets.',
};
