// The client's few messages in Chinese and English. Chinese when VS Code's display language is zh-*
// (or the disclosureReport.language setting says zh), English otherwise.
import * as vscode from 'vscode';

const MESSAGES = {
  notReady: { zh: '年度报告检查服务尚未启动。', en: 'The report checker has not started.' },
  openReportFirst: { zh: '请先在编辑器中打开一份年度报告。', en: 'Open an annual report in the editor first.' },
  pickTable: { zh: '选择要插入的标准表格（{0}格式）', en: 'Choose the standard table to insert ({0} format)' },
  insertRefused: { zh: '未插入表格：{0}', en: 'No table inserted: {0}' },
  organPrompt: { zh: '机关名称', en: 'Name of the government body (机关名称)' },
  organPlaceholder: { zh: '例如：某某市工业和信息化局', en: 'e.g. 某某市工业和信息化局' },
  organEmpty: { zh: '请填写机关名称', en: 'Enter the name of the body' },
  yearPrompt: { zh: '报告年度', en: 'Reporting year' },
  yearInvalid: { zh: '请填写四位数年份，例如 {0}', en: 'Enter a four-digit year, e.g. {0}' },
  skeletonFailed: { zh: '无法生成报告模板。', en: 'Could not make the report template.' },
  pickRule: { zh: '选择规则', en: 'Choose a rule' },
  ruleDocMissing: { zh: '没有规则「{0}」的说明。', en: 'No documentation for rule “{0}”.' },
  enabled: { zh: '年度报告检查已开启。', en: 'Report checking is on.' },
  disabled: { zh: '年度报告检查已关闭。', en: 'Report checking is off.' },
  enabledWorkspace: { zh: '已为此工作区开启年度报告检查（工作区设置 disclosureReport.enable）。', en: 'Report checking is on for this workspace (workspace setting disclosureReport.enable).' },
  disabledWorkspace: { zh: '已为此工作区关闭年度报告检查（工作区设置 disclosureReport.enable）。', en: 'Report checking is off for this workspace (workspace setting disclosureReport.enable).' },
  enabledFolder: { zh: '已为文件夹「{0}」开启年度报告检查（文件夹设置）。', en: 'Report checking is on for folder “{0}” (folder setting).' },
  disabledFolder: { zh: '已为文件夹「{0}」关闭年度报告检查（文件夹设置）。', en: 'Report checking is off for folder “{0}” (folder setting).' },
  enabledUser: { zh: '已开启年度报告检查（用户设置，所有窗口）。', en: 'Report checking is on (user setting, every window).' },
  disabledUser: { zh: '已关闭年度报告检查（用户设置，所有窗口）。', en: 'Report checking is off (user setting, every window).' },
  tableExists: { zh: '本报告已有「{0}」表（第 {1} 行），未插入。', en: 'The report has the “{0}” table already (line {1}); nothing inserted.' },
  goToTable: { zh: '转到该表', en: 'Go to the table' },
  replaceTable: { zh: '替换为空白表', en: 'Replace with a blank one' },
  plainTextReport: {
    zh: '「{0}」像一份政府信息公开年度报告。切换为「政府信息公开年度报告」语言模式，以显示标题和表格的着色？',
    en: '“{0}” reads like a government information-disclosure annual report. Switch it to the Disclosure Report language mode for heading and table colouring?',
  },
  switchLanguage: { zh: '切换', en: 'Switch' },
  switchAlways: { zh: '总是切换（此工作区）', en: 'Always (this workspace)' },
  switchNever: { zh: '不再询问', en: 'Don’t ask again' },
  noWorkspace: { zh: '请先打开一个文件夹。', en: 'Open a folder first.' },
  badGlob: { zh: '设置 {0} 不能指向工作区之外，已改用默认值。', en: 'Setting {0} must stay inside the workspace; using the default.' },
  checking: { zh: '正在检查年度报告', en: 'Checking annual reports' },
  checkingFile: { zh: '{0}/{1} {2}', en: '{0}/{1} {2}' },
  checkDone: {
    zh: '检查了 {0} 个文件，其中 {1} 份年度报告：错误 {2} 个，警告 {3} 个，提示 {4} 个。',
    en: 'Checked {0} files, {1} of them reports: {2} errors, {3} warnings, {4} information.',
  },
  tooMany: { zh: '文件过多，只检查了前 {0} 个。', en: 'Too many files: only the first {0} were checked.' },
  showProblems: { zh: '打开问题面板', en: 'Show Problems' },
  checkingDisabled: { zh: '检查已关闭（disclosureReport.enable）。', en: 'Checking is off (disclosureReport.enable).' },
  statusName: { zh: '年度报告检查', en: 'Report checking' },
  statusNotReport: { zh: '未作为年度报告检查', en: 'Not checked as a report' },
  statusOff: { zh: '检查已关闭', en: 'Checking off' },
  statusText: { zh: '{0} · {1} · {2}', en: '{0} · {1} · {2}' },
  statusErrors: { zh: '{0} 个错误', en: '{0} errors' },
  statusOneError: { zh: '1 个错误', en: '1 error' },
  statusWarnings: { zh: '{0} 个警告', en: '{0} warnings' },
  statusOneWarning: { zh: '1 个警告', en: '1 warning' },
  statusClean: { zh: '无问题', en: 'no problems' },
  statusYear: { zh: '{0}年度', en: '{0}' },
  statusYearUnknown: { zh: '年度未知', en: 'year unknown' },
  statusFormat: { zh: '{0}格式', en: '{0} format' },
  statusFormatUnknown: { zh: '格式未知', en: 'format unknown' },
  statusDetail: {
    zh: '{0} 检查（用时 {1} ms）：错误 {2}，警告 {3}，提示 {4}',
    en: 'checked at {0} ({1} ms): {2} errors, {3} warnings, {4} information',
  },
  statusProblems: { zh: '问题', en: 'Problems' },
  statusToggle: { zh: '开启/关闭', en: 'Toggle' },
  openAsReportWhich: {
    zh: '请选择要以年报方式打开的 .docx、.pdf、.html 或 .txt 文件。',
    en: 'Choose a .docx, .pdf, .html or .txt file to open as a report.',
  },
  saveReportTextWhich: {
    zh: '请先以年报方式打开一个 .docx 或 .pdf 文件。',
    en: 'Open a .docx or .pdf file as a report first.',
  },
  reportTextFailed: { zh: '无法以年报方式打开 {0}：{1}', en: 'Cannot open {0} as a report: {1}' },
  reportTextSaved: { zh: '年报文本已另存为 {0}，可编辑。', en: 'The report text was saved as {0}, which you can edit.' },
  reportFileOpening: { zh: '正在以年报方式打开…', en: 'Opening as a report…' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** Whether the client speaks Chinese: the setting if it says so, else VS Code's display language. */
export function isChinese(): boolean {
  const setting = vscode.workspace.getConfiguration('disclosureReport').get<string>('language', 'auto');
  if (setting === 'zh') return true;
  if (setting === 'en') return false;
  return /^zh\b/i.test(vscode.env.language);
}

export function t(key: MessageKey, ...args: (string | number)[]): string {
  const m = MESSAGES[key];
  const text: string = isChinese() ? m.zh : m.en;
  return text.replace(/\{(\d+)\}/g, (all, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : all));
}

/** Pick the zh or en half of a {zh, en} pair. */
export function pick(pair: { zh: string; en: string }): string {
  return isChinese() ? pair.zh : pair.en;
}
