/**
 * The progress report as one HTML page with print CSS — what a team would hand to headless
 * Chromium (`--print-to-pdf`) instead of react-pdf: the same cover, summary, SVG chart, goal-area
 * tables (header rows repeated by the browser), gaps and appendix, with the same embedded fonts.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { formatPercent } from '@/lib/plan/coverage'
import { INITIATIVE_STATUSES } from '@/lib/plan/types'
import { formatDate } from '@/lib/format/dates'
import { statusTitle } from '@/lib/format/labels'
import { formatPeriod } from '@/lib/format/period'
import { formatCellDate, formatProgress } from '@/lib/pdf/report/format'
import type { ProgressReportModel, ReportInitiative } from '@/lib/pdf/report/model'
import { COLORS, STATUS_COLORS } from '@/lib/pdf/report/theme'

const escape = (text: string | number): string =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

const font = (file: string) => pathToFileURL(path.resolve('lib/pdf/fonts', file)).href

function initiativeCells(i: ReportInitiative, section = true): string {
  const cls = i.active ? '' : ' class="inactive"'
  return `${section ? `<td${cls}>${escape(i.section)}</td>` : ''}<td${cls}><span class="dot" style="background:${STATUS_COLORS[i.status]}"></span>${escape(statusTitle(i.status))}</td><td${cls}>${escape(formatProgress(i.progress))}</td><td${cls} class="r">${escape(formatCellDate(i.targetDate))}</td>`
}

function chart(report: ProgressReportModel): string {
  const cov = report.coverage
  const rows = [
    ...cov.goals.map((g) => ({
      name: `Goal Area ${g.number}`,
      value: g.coverage,
      detail: `${g.covered} of ${g.objectives}`,
    })),
    {
      name: 'Whole plan',
      value: cov.coverage,
      detail: `${cov.objectives.covered} of ${cov.objectives.total}`,
    },
  ]
  const width = 504
  const span = width - 84 - 96
  const bars = rows
    .map((r, i) => {
      const y = i * 22 + 5
      return `<text x="0" y="${y + 9}">${escape(r.name)}</text><rect x="84" y="${y}" width="${span}" height="12" fill="${COLORS.track}"/><rect x="84" y="${y}" width="${r.value * span}" height="12" fill="${COLORS.bar}"/><text x="${width - 88}" y="${y + 9}" font-weight="700">${formatPercent(r.value)}</text><text x="${width - 56}" y="${y + 9}">${escape(r.detail)}</text>`
    })
    .join('')
  return `<svg width="${width}" height="${rows.length * 22 + 10}" font-family="Source Sans 3" font-size="8.5">${bars}</svg>`
}

/** The report as a self-contained HTML document for Chromium to print. */
export function reportHtml(report: ProgressReportModel): string {
  const { plan, coverage: cov } = report
  const goals = report.goals
    .map(
      (goal) => `
<section class="part">
  <p class="kicker">Goal Area ${goal.number}</p>
  <h1>${escape(goal.title)}</h1>
  <p class="stat"><b>${formatPercent(goal.coverage.coverage)}</b> coverage: ${goal.coverage.covered} of ${goal.coverage.objectives} objectives covered · ${goal.coverage.initiatives} active initiatives</p>
  <p>${INITIATIVE_STATUSES.map((s) => `${statusTitle(s)} <b>${goal.coverage.byStatus[s]}</b>`).join(' · ')}</p>
  <table>
    <thead><tr><th>Code</th><th>Objective · initiative</th><th>Section</th><th>Status</th><th>Progress</th><th class="r">Target date</th></tr></thead>
    ${goal.objectives
      .map(
        (
          o,
        ) => `<tbody><tr class="group"><td><b>${escape(o.code)}</b></td><td colspan="4">${escape(o.text)}</td><td class="r">${o.covered ? `Covered · ${o.activeInitiatives} active` : 'Gap'}</td></tr>
      ${
        o.initiatives.length === 0
          ? '<tr><td></td><td colspan="5" class="inactive">No published initiative serves this objective.</td></tr>'
          : o.initiatives
              .map((i) => `<tr><td></td><td>${escape(i.title)}</td>${initiativeCells(i)}</tr>`)
              .join('')
      }</tbody>`,
      )
      .join('')}
  </table>
</section>`,
    )
    .join('')
  const gaps = report.gaps
    .map(
      (g) =>
        `<tr><td><b>${escape(g.code)}</b></td><td>${escape(g.text)}</td><td>${g.inactive.map((i) => `${statusTitle(i.status)}: ${escape(i.title)} (${escape(i.section)})`).join('<br>') || 'None'}</td></tr>`,
    )
    .join('')
  const appendix = report.sections
    .map(
      (
        s,
      ) => `<tbody><tr class="group"><td colspan="5"><b>${escape(s.name)}</b> ${s.activeInitiatives} active initiatives</td></tr>
      ${s.initiatives.map((i) => `<tr><td>${escape(i.title)}</td><td>${escape(i.objectives.join(', '))}</td>${initiativeCells(i, false)}</tr>`).join('')}</tbody>`,
    )
    .join('')

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(plan.title)}: progress report</title>
<style>
@font-face { font-family: 'Source Serif 4'; src: url(${font('SourceSerif4-Regular.ttf')}); font-weight: 400; }
@font-face { font-family: 'Source Serif 4'; src: url(${font('SourceSerif4-Bold.ttf')}); font-weight: 700; }
@font-face { font-family: 'Source Sans 3'; src: url(${font('SourceSans3-Regular.ttf')}); font-weight: 400; }
@font-face { font-family: 'Source Sans 3'; src: url(${font('SourceSans3-Semibold.ttf')}); font-weight: 600; }
@font-face { font-family: 'Source Sans 3'; src: url(${font('SourceSans3-Bold.ttf')}); font-weight: 700; }
@page { size: letter; margin: 66pt 54pt 60pt; }
body { font: 10pt/1.4 'Source Serif 4', serif; color: ${COLORS.ink}; margin: 0; }
.cover { break-after: page; padding-top: 80pt; }
.part { break-before: page; }
.kicker { font: 600 8.5pt 'Source Sans 3'; text-transform: uppercase; color: ${COLORS.brand}; margin: 0; }
h1 { font-size: 20pt; margin: 4pt 0 10pt; }
table { width: 100%; border-collapse: collapse; font: 8.5pt/1.3 'Source Sans 3'; }
thead { display: table-header-group; }
th { text-align: left; font-size: 7.5pt; text-transform: uppercase; color: ${COLORS.muted}; border-bottom: 1pt solid ${COLORS.brand}; }
td { padding: 3pt 4pt; border-bottom: 0.5pt solid ${COLORS.rule}; vertical-align: top; }
tr { break-inside: avoid; }
.group td { background: ${COLORS.paperAlt}; padding-top: 6pt; }
.inactive { color: ${COLORS.faint}; }
.dot { display: inline-block; width: 6pt; height: 6pt; border-radius: 3pt; margin-right: 4pt; }
.r { text-align: right; }
</style></head><body>
<section class="cover">
  <p class="kicker">${escape(plan.organization)}</p>
  <p class="kicker">Progress report</p>
  <h1 style="font-size:32pt">${escape(plan.title)}</h1>
  <p>Plan period ${formatPeriod(plan.startYear, plan.endYear)}</p>
  <p><b style="font-size:40pt">${formatPercent(cov.coverage)}</b> of objectives covered</p>
  <p>Prepared for the Board<br>As of ${escape(formatDate(report.asOf))}</p>
</section>
<section>
  <p class="kicker">Executive summary</p>
  <h1>Where the plan stands</h1>
  <p>${formatPercent(cov.coverage)} objectives covered · ${cov.initiatives.active} active initiatives · ${cov.initiatives.completed} initiatives completed · ${cov.sectionsEngaged} sections engaged</p>
  <ul>${report.sentences.map((s) => `<li>${escape(s)}</li>`).join('')}</ul>
  ${chart(report)}
</section>
${goals}
<section class="part">
  <p class="kicker">Gaps</p><h1>Objectives without an active initiative</h1>
  <table><thead><tr><th>Code</th><th>Objective</th><th>Work that does not count yet</th></tr></thead><tbody>${gaps}</tbody></table>
</section>
<section class="part">
  <p class="kicker">Appendix</p><h1>Initiatives by section</h1>
  <table><thead><tr><th>Initiative</th><th>Objectives</th><th>Status</th><th>Progress</th><th class="r">Target date</th></tr></thead>${appendix}</table>
</section>
</body></html>`
}
