/**
 * A plan as StratML (ISO 17469-1, Part 1 core), in the schema's element order:
 * StrategicPlan → Name, Description (the preamble), OtherInformation (adoption, revision, the word
 * the plan uses for its objectives),
 * StrategicPlanCore → Organization, Vision, Mission, Value*, Goal+ (Name, Description,
 * SequenceIndicator, Objective* → Description, SequenceIndicator "1.3"), AdministrativeInformation
 * → StartDate, EndDate, PublicationDate. Paragraphs are separated by blank lines. Pure.
 */
import { OBJECTIVES_ARE_CALLED } from '@/lib/import/stratml'
import type { ParsedPlan } from '@/lib/import/types'

export const STRATML_NAMESPACE = 'urn:ISO:std:iso:17469:tech:xsd:stratml_core'

/** Characters XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped. */
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>']
  private depth = 0

  open(name: string, attributes = ''): void {
    this.lines.push(`${this.indent()}<${name}${attributes}>`)
    this.depth++
  }

  close(name: string): void {
    this.depth--
    this.lines.push(`${this.indent()}</${name}>`)
  }

  /** An element with text; empty text gives an empty element only when `keepEmpty` (required ones). */
  text(name: string, value: string | undefined, keepEmpty = false): void {
    if (!value && !keepEmpty) return
    this.lines.push(
      value
        ? `${this.indent()}<${name}>${escapeXml(value)}</${name}>`
        : `${this.indent()}<${name}/>`,
    )
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`
  }

  private indent(): string {
    return '  '.repeat(this.depth)
  }
}

const paragraphs = (list: readonly string[]): string => list.join('\n\n')

/** Organization initials when the plan's title uses them ("ALCTS" for the ALCTS plan). */
function acronymOf(organization: string, title: string): string | undefined {
  const initials = organization
    .split(/\s+/)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('')
  if (initials.length < 2) return undefined
  return new RegExp(`\\b${initials}\\b`).test(title) ? initials : undefined
}

/** The plan as a StratML Part 1 document (UTF-8 XML text). */
export function planToStratML(plan: ParsedPlan): string {
  const xml = new XmlWriter()
  xml.open(
    'StrategicPlan',
    ` xmlns="${STRATML_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`,
  )
  xml.text('Name', plan.title, true)
  xml.text('Description', paragraphs(plan.preamble))
  const other: string[] = []
  if (plan.adoptedOn || plan.adoptedBy) {
    other.push(
      `Adopted${plan.adoptedOn ? ` on ${plan.adoptedOn}` : ''}${plan.adoptedBy ? ` by ${plan.adoptedBy}` : ''}.`,
    )
  }
  if (plan.lastRevised) other.push(`Last revised on ${plan.lastRevised}.`)
  // StratML has no element for it: the word the plan uses for an objective, as a sentence
  if (plan.objectiveLabel) other.push(`${OBJECTIVES_ARE_CALLED} “${plan.objectiveLabel}”.`)
  xml.text('OtherInformation', paragraphs(other))

  xml.open('StrategicPlanCore')
  if (plan.organization) {
    xml.open('Organization')
    xml.text('Name', plan.organization)
    xml.text('Acronym', acronymOf(plan.organization, plan.title))
    xml.close('Organization')
  }
  if (plan.vision.length) {
    xml.open('Vision')
    xml.text('Description', paragraphs(plan.vision))
    xml.close('Vision')
  }
  if (plan.mission.length) {
    xml.open('Mission')
    xml.text('Description', paragraphs(plan.mission))
    xml.close('Mission')
  }
  for (const value of plan.values) {
    xml.open('Value')
    xml.text('Name', value)
    xml.close('Value')
  }
  for (const goal of plan.goals) {
    xml.open('Goal')
    xml.text('Name', goal.title, true)
    xml.text('Description', paragraphs(goal.description), true)
    xml.text('SequenceIndicator', String(goal.number))
    for (const objective of goal.objectives) {
      xml.open('Objective')
      xml.text('Description', objective.text)
      xml.text('SequenceIndicator', `${goal.number}.${objective.number}`)
      xml.close('Objective')
    }
    xml.close('Goal')
  }
  xml.close('StrategicPlanCore')

  const published = plan.lastRevised ?? plan.adoptedOn
  if (plan.startYear !== undefined || plan.endYear !== undefined || published) {
    xml.open('AdministrativeInformation')
    if (plan.startYear !== undefined) xml.text('StartDate', `${plan.startYear}-01-01`)
    if (plan.endYear !== undefined) xml.text('EndDate', `${plan.endYear}-12-31`)
    xml.text('PublicationDate', published)
    xml.close('AdministrativeInformation')
  }
  xml.close('StrategicPlan')
  return xml.toString()
}
