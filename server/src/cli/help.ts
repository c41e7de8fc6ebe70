// The help texts: the general one, and one per command with its options, examples and exit
// codes. docs/cli.md says the same at length; keep the two in one voice.

import type { Lang } from '../engine';
import { REPORT_EXTENSIONS } from '../formats';

export type HelpTopic = 'check' | 'extract' | 'summary' | 'text' | null;

const extensions = (lang: Lang): string => REPORT_EXTENSIONS.join(lang === 'zh' ? '、' : ', ');

function general(lang: Lang): string {
  if (lang === 'zh') {
    return `用法：
  disclosure-report check [选项] <文件或文件夹...>     检查年度报告，列出问题
  disclosure-report extract [选项] <文件或文件夹...>   导出各统计表的每个单元格（JSON 或 CSV）
  disclosure-report summary [选项] <文件或文件夹...>   每份报告一行的汇总：主要数字和各规则的问题数（CSV、JSON 或 HTML）
  disclosure-report text <文件>                        输出检查所读的报告文本（.docx/.pdf 为转换后的文本）
  disclosure-report <命令> --help                      某个命令的选项、示例和退出码
  disclosure-report --help | --version

文件夹会递归查找 ${extensions(lang)} 文件（跳过 node_modules 和 .git）。
提示语言：--lang zh|en；未给出时按 LC_ALL、LC_MESSAGES、LANG 环境变量，否则为中文。
退出码：0 未发现错误；1 发现错误；2 用法错误、没有找到年度报告文件，或有输入无法读取/写入。
详见 docs/cli.md。`;
  }
  return `Usage:
  disclosure-report check [options] <files or folders...>     check reports and list what is wrong
  disclosure-report extract [options] <files or folders...>   every cell of the standard tables, as JSON or CSV
  disclosure-report summary [options] <files or folders...>   one row per report: key figures and findings per
                                                              rule, as CSV, JSON or HTML
  disclosure-report text <file>                               the report text the checker reads (.docx/.pdf rendered)
  disclosure-report <command> --help                          the options, examples and exit codes of a command
  disclosure-report --help | --version

Folders are searched recursively for ${extensions(lang)} files (node_modules and .git are skipped).
Message language: --lang zh|en; when not given, from LC_ALL, LC_MESSAGES or LANG, else Chinese.
Exit code: 0 no error found, 1 errors found, 2 bad usage, no report file found, or an input that
could not be read/written.
Everything in docs/cli.md.`;
}

function check(lang: Lang): string {
  if (lang === 'zh') {
    return `用法：disclosure-report check [选项] <文件或文件夹...>

检查每份年度报告，按「文件:行:列 级别 说明 [规则]」列出问题。

选项：
  --format text|json|sarif    输出格式（默认 text）
  --lang zh|en                提示语言（默认按 LC_ALL、LC_MESSAGES、LANG，否则中文）
  --fix                       应用规则给出的修复，并写回有改动的文件（保持原编码和换行）
  --rule <规则>=<级别|off>    调整某条规则的级别（error、warning、information、hint）或关闭（off），可重复
  --max-size <字节数[K|M|G]>  跳过大于此大小的文件（默认 50M）
  -j, --jobs <N>              工作线程数（默认每 2000 个文件一个，至多为可用核数；1 为不启用工作线程）
  --file-timeout <时长>       单个文件的读取和检查时限（默认 60s；如 500ms、2m；0 为不限），超时的文件停止并报告
  -q, --quiet                 不显示进度条（进度条只在 stderr 为终端时显示）
  --config <文件>             使用此配置文件（规则级别、忽略的问题）；未给出时从每份报告所在文件夹
                              向上查找最近的 .disclosure-report.json 或 .disclosure-report.jsonc
  --no-config                 不使用任何配置文件
  -h, --help                  显示本说明

示例：
  disclosure-report check 年度报告/
  disclosure-report check --format sarif 年度报告/ > findings.sarif
  disclosure-report check --fix --rule summary-length=off 2024年度报告.txt

文件夹会递归查找 ${extensions(lang)} 文件；命令行上直接给出的文件不论扩展名都会检查。
退出码：0 未发现错误；1 至少一个错误（--fix 之后仍有；配置文件忽略的不计）；2 用法错误、没有找到年度报告文件、有输入无法读取、修复后的文件无法写入，或配置文件有错误。
JSON、SARIF 格式见 docs/cli.md。`;
  }
  return `Usage: disclosure-report check [options] <files or folders...>

Checks each report and lists what is wrong as "file:line:col severity message [rule]".

Options:
  --format text|json|sarif    output format (default text)
  --lang zh|en                message language (default from LC_ALL, LC_MESSAGES, LANG, else zh)
  --fix                       apply the fixes the rules offer and write the changed files
                              (in their own encoding and line ends)
  --rule <id>=<severity|off>  set a rule's severity (error, warning, information, hint) or turn
                              it off; may be repeated
  --max-size <bytes[K|M|G]>   skip files larger than this (default 50M)
  -j, --jobs <N>              worker threads (default: one per 2,000 files, up to the cores; 1 starts none)
  --file-timeout <duration>   limit for reading and checking one file (default 60s; e.g. 500ms,
                              2m; 0 for none): a file over it is stopped and reported
  -q, --quiet                 no progress bar (it is only drawn when stderr is a terminal)
  --config <file>             use this config (rule severities, ignored findings); without it,
                              the nearest .disclosure-report.json or .disclosure-report.jsonc in
                              each report's folder or above is used
  --no-config                 use no config file
  -h, --help                  this help

Examples:
  disclosure-report check reports/
  disclosure-report check --format sarif reports/ > findings.sarif
  disclosure-report check --fix --rule summary-length=off 2024-report.txt

Folders are searched recursively for ${extensions(lang)} files; a file named on the command line
is checked whatever its extension.
Exit code: 0 no error found; 1 at least one error (after --fix: one that remains; those the
config ignores do not count); 2 bad usage, no report file found, an input that could not be
read, a fixed file that could not be written, or a config with errors.
The JSON and SARIF formats: docs/cli.md.`;
}

function extract(lang: Lang): string {
  if (lang === 'zh') {
    return `用法：disclosure-report extract [选项] <文件或文件夹...>

导出每份报告中能完整读取的统计表的每个单元格：file、table、item、row、column、rowLabel、columnLabel、value、raw、位置。

选项：
  --format json|csv           输出格式（默认 json；csv 带 BOM，Excel 可直接打开）
  --lang zh|en                提示语言（默认按 LC_ALL、LC_MESSAGES、LANG，否则中文）
  --max-size <字节数[K|M|G]>  跳过大于此大小的文件（默认 50M）
  -j, --jobs <N>              工作线程数（默认每 2000 个文件一个，至多为可用核数；1 为不启用工作线程）
  --file-timeout <时长>       单个文件的读取和检查时限（默认 60s；如 500ms、2m；0 为不限），超时的文件停止并报告
  -q, --quiet                 不显示进度条（进度条只在 stderr 为终端时显示）
  -h, --help                  显示本说明

示例：
  disclosure-report extract 年度报告/ > cells.json
  disclosure-report extract --format csv 年度报告/ > cells.csv

未能完整读取的表格不导出，stderr 上会说明（原因请运行 check）。
退出码：0 所有输入均已读取；2 用法错误、没有找到年度报告文件，或有输入无法读取。
字段说明见 docs/cli.md。`;
  }
  return `Usage: disclosure-report extract [options] <files or folders...>

Writes every cell of every readable standard table: file, table, item, row, column, rowLabel,
columnLabel, value, raw and the cell's range.

Options:
  --format json|csv           output format (default json; CSV starts with a BOM for Excel)
  --lang zh|en                language of the notes on stderr (default from LC_ALL, LC_MESSAGES,
                              LANG, else zh)
  --max-size <bytes[K|M|G]>   skip files larger than this (default 50M)
  -j, --jobs <N>              worker threads (default: one per 2,000 files, up to the cores; 1 starts none)
  --file-timeout <duration>   limit for reading and checking one file (default 60s; e.g. 500ms,
                              2m; 0 for none): a file over it is stopped and reported
  -q, --quiet                 no progress bar (it is only drawn when stderr is a terminal)
  -h, --help                  this help

Examples:
  disclosure-report extract reports/ > cells.json
  disclosure-report extract --format csv reports/ > cells.csv

A table that cannot be read completely is left out, with a note on stderr (check says why).
Exit code: 0 every input was read; 2 bad usage, no report file found, or an input that could not
be read.
The fields: docs/cli.md.`;
}

function summary(lang: Lang): string {
  if (lang === 'zh') {
    return `用法：disclosure-report summary [选项] <文件或文件夹...>

每份报告一行：机关、年度、格式、文件，主要数字（本年新收、上年结转、办结、结转下年度、
予以公开+部分公开占办结的比例、行政复议和行政诉讼总数及纠正数、行政事业性收费），
以及按级别和规则统计的问题数。

选项：
  --format csv|json|html      输出格式（默认 csv，带 BOM，Excel 可直接打开；json 含每个问题的位置；
                              html 为一个独立文件：可排序的表格、各机关逐年图表、最常见错误、各报告的问题及文件链接）
  --lang zh|en                语言（默认按 LC_ALL、LC_MESSAGES、LANG，否则中文）
  --rule <规则>=<级别|off>    调整某条规则的级别或关闭，同 check，可重复
  --config <文件>、--no-config  配置文件（规则级别、忽略的问题），同 check；忽略的问题不计数
  --max-size <字节数[K|M|G]>  跳过大于此大小的文件（默认 50M）
  -h, --help                  显示本说明

示例：
  disclosure-report summary 年度报告/ > 汇总.csv
  disclosure-report summary --format html 年度报告/ > 汇总.html

未能读出的数字留空（不推测）。
退出码：0 所有输入均已读取（不论是否发现错误）；2 用法错误、没有找到年度报告文件、有输入无法读取，或配置文件有错误。
字段说明见 docs/cli.md。`;
  }
  return `Usage: disclosure-report summary [options] <files or folders...>

One row per report: body, year, format, file, the key figures (requests received, carried in,
closed, carried over, the share disclosed in full or in part of those closed, reviews and
lawsuits with the corrected ones, fees) and the findings counted per severity and rule.

Options:
  --format csv|json|html      output format (default csv, with a BOM for Excel; json adds every
                              finding's place; html is one self-contained file: a sortable
                              table, year-over-year charts per body, the most frequent errors and
                              each report's findings with links to its file)
  --lang zh|en                language (default from LC_ALL, LC_MESSAGES, LANG, else zh)
  --rule <id>=<severity|off>  set a rule's severity or turn it off, as for check; may be repeated
  --config <file>, --no-config  the config (rule severities, ignored findings), as for check;
                              ignored findings are not counted
  --max-size <bytes[K|M|G]>   skip files larger than this (default 50M)
  -h, --help                  this help

Examples:
  disclosure-report summary reports/ > summary.csv
  disclosure-report summary --format html reports/ > summary.html

A figure that could not be read is left empty (never guessed).
Exit code: 0 every input was read (errors found or not); 2 bad usage, no report file found, an
input that could not be read, or a config with errors.
The fields: docs/cli.md.`;
}

function text(lang: Lang): string {
  if (lang === 'zh') {
    return `用法：disclosure-report text [选项] <文件>

输出检查所读的报告文本：.txt/.md 为解码后的文本，.html 为网页文本，.docx/.pdf 为转换后的报告文本。
check 的 JSON 中的行、列都指这份文本；可保存为 .txt，修改后再检查。

选项：
  --lang zh|en                提示语言（默认按 LC_ALL、LC_MESSAGES、LANG，否则中文）
  --max-size <字节数[K|M|G]>  跳过大于此大小的文件（默认 50M）
  -h, --help                  显示本说明

示例：
  disclosure-report text 2024年度报告.docx > 草稿.txt

退出码：0 已读取；2 用法错误，或文件无法读取。`;
  }
  return `Usage: disclosure-report text [options] <file>

Prints the report text the checker reads: a .txt/.md decoded, an .html page's text, a .docx or
.pdf rendered as a report text. The lines and columns in check's JSON refer to this text; save it
as .txt for an editable draft.

Options:
  --lang zh|en                language of the notes on stderr (default from LC_ALL, LC_MESSAGES,
                              LANG, else zh)
  --max-size <bytes[K|M|G]>   skip files larger than this (default 50M)
  -h, --help                  this help

Examples:
  disclosure-report text 2024-report.docx > draft.txt

Exit code: 0 the file was read; 2 bad usage or a file that could not be read.`;
}

export function helpText(topic: HelpTopic, lang: Lang): string {
  if (topic === 'check') return check(lang);
  if (topic === 'text') return text(lang);
  if (topic === 'extract') return extract(lang);
  if (topic === 'summary') return summary(lang);
  return general(lang);
}

