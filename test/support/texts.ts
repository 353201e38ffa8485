/**
 * Realistic texts for fingerprint and scoring tests: a wire story, a lightly
 * edited syndicated copy of it, and an independent report of the same facts,
 * in English and in Chinese. Written for these tests; no real article.
 */
export const WIRE_EN =
  'Scale AI is cutting about 14% of its workforce, roughly 200 full-time employees, and ending work with around 500 contractors, ' +
  'according to an internal memo seen on Wednesday. Interim chief executive Jason Droege wrote that the company had grown its ' +
  'generative-AI business too quickly and would fold sixteen teams into five: code, languages, experts, experimental and audio. ' +
  "The cuts follow Meta's purchase of a 49% stake in the data-labelling company for about $14.3 billion and the departure of " +
  "co-founder Alexandr Wang to lead Meta's new superintelligence lab.";

/** The wire story as another outlet runs it: a byline, two words changed, a credit line. */
export const WIRE_EN_COPY =
  'By Wire Staff. ' +
  WIRE_EN.replace('roughly 200', 'about 200').replace('on Wednesday', 'on Tuesday') +
  ' Reporting by the wire desk; editing by the business team.';

export const INDEPENDENT_EN =
  'Data-labelling firm Scale AI will lay off around one in seven employees and drop hundreds of contract workers, its interim boss ' +
  'told staff, weeks after Meta took a near-half stake in the business. The memo blamed over-expansion of the generative-AI unit, ' +
  'which is being reorganised from sixteen groups into five, and said go-to-market staff would merge into one demand-generation team.';

export const WIRE_ZH =
  'Scale AI裁减了约14%的员工，涉及约200名全职员工，并终止了与约500名外包人员的合作。临时首席执行官Jason Droege在内部备忘录中表示，' +
  '生成式AI业务扩张过快，原有的16个团队将合并为代码、语言、专家、实验和音频5个团队。此前，Meta以约143亿美元取得该公司49%的股份，' +
  '联合创始人Alexandr Wang随即离职，加入Meta新成立的超级智能实验室。';

/** The Chinese story as a portal republishes it: a credit, full-width digits, one verb changed, an end mark. */
export const WIRE_ZH_COPY = `据36氪报道，${WIRE_ZH.replace('约14%', '约１４％').replace('备忘录中表示', '备忘录中称').replace('Scale AI裁减', 'Scale AI 裁减')}（完）`;

export const INDEPENDENT_ZH =
  '数据标注公司Scale AI宣布重组，生成式AI部门的团队数量被大幅压缩，数百名合同工受到影响。分析人士认为，Meta入股之后，' +
  '谷歌和OpenAI等大客户相继暂停新项目，是此次调整的直接原因；公司则表示资金充足，将转向企业和政府客户。';
