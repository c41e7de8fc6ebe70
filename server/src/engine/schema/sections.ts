// The six sections of the report (spec §2.1), as data.

export type SectionNumber = 1 | 2 | 3 | 4 | 5 | 6;

export interface SectionSpec {
  number: SectionNumber;
  /** The template heading text after 「一、」 (exact). */
  title: string;
  /** The long name used in the notice body (also accepted). */
  longTitle: string;
  /** Wordings seen in real reports that are accepted as they are. */
  accepted: string[];
  /** Key words that identify the section when the wording deviates (the heading is then flagged). */
  keywords: RegExp;
}

export const SECTIONS: readonly SectionSpec[] = [
  {
    number: 1,
    title: '总体情况',
    longTitle: '总体情况',
    accepted: [],
    keywords: /总体情况|基本情况|概述/,
  },
  {
    number: 2,
    title: '主动公开政府信息情况',
    longTitle: '行政机关主动公开政府信息情况',
    accepted: ['主动公开政府信息的情况'],
    keywords: /主动公开/,
  },
  {
    number: 3,
    title: '收到和处理政府信息公开申请情况',
    longTitle: '行政机关收到和处理政府信息公开申请情况',
    accepted: ['收到和处理政府信息公开申请的情况'],
    keywords: /收到和处理|收到及处理|依申请公开/,
  },
  {
    number: 4,
    title: '政府信息公开行政复议、行政诉讼情况',
    longTitle: '因政府信息公开工作被申请行政复议、提起行政诉讼情况',
    accepted: [
      '因政府信息公开申请行政复议、提起行政诉讼的情况',
      '政府信息公开行政复议和行政诉讼情况',
      '因政府信息公开工作被申请行政复议、提起行政诉讼的情况',
    ],
    keywords: /行政复议|行政诉讼|复议|诉讼/,
  },
  {
    number: 5,
    title: '存在的主要问题及改进情况',
    longTitle: '政府信息公开工作存在的主要问题及改进情况',
    accepted: ['存在的主要问题和改进情况', '政府信息公开工作存在的主要问题和改进情况'],
    keywords: /问题|改进|整改|不足/,
  },
  {
    number: 6,
    title: '其他需要报告的事项',
    longTitle: '其他需要报告的事项',
    accepted: ['其他需报告的事项', '其他需要报告事项'],
    keywords: /其他需要?报告|其他事项/,
  },
];

export const CN_SECTION_NUMERALS = ['', '一', '二', '三', '四', '五', '六'] as const;
