import type { ServerProps } from 'payload'

import { isEditor } from '@/lib/auth/roles'
import styles from './importPlan.module.css'

/** Above the plans list: where a new plan usually comes from. */
export function ImportPlanLink({ user, payload }: ServerProps) {
  if (!user || !isEditor(user)) return null
  const href = `${payload.config.routes.admin}/import-plan`
  return (
    <div className={styles.listBanner}>
      <span>
        Have the plan as a document? Import it from its text, StratML or a Lodestar export instead
        of retyping it.
      </span>
      <a className={styles.listBannerLink} href={href}>
        Import plan
      </a>
    </div>
  )
}
