/** The structured plan that the text and StratML parsers produce and the writer stores. */
export interface ParsedObjective {
  number: number
  text: string
}

export interface ParsedGoal {
  number: number
  title: string
  /** paragraphs */
  description: string[]
  objectives: ParsedObjective[]
}

export interface ParsedPlan {
  title: string
  organization?: string
  startYear?: number
  endYear?: number
  /** ISO date `yyyy-mm-dd`; a month-only adoption ("June 2006") is the first of that month */
  adoptedOn?: string
  /** e.g. "ALCTS Executive Board, New Orleans" */
  adoptedBy?: string
  /** ISO date `yyyy-mm-dd` */
  lastRevised?: string
  /**
   * What the plan calls its objective-level items when it does not call them objectives
   * ("Strategy", "Action", "Key Initiative"), singular, capitalised as a label: "Strategy 2.3"
   */
  objectiveLabel?: string
  /** each a list of paragraphs, exactly as published */
  preamble: string[]
  vision: string[]
  mission: string[]
  values: string[]
  goals: ParsedGoal[]
}

export interface ParseWarning {
  /** 1-based line number in the input (for a Word document or PDF: in the text read from it) */
  line: number
  /** the page of a PDF the line is on */
  page?: number
  message: string
}

export interface ParseResult {
  plan: ParsedPlan
  warnings: ParseWarning[]
}
