import * as migration_20261128_132842_initial from './20261128_132842_initial'
import * as migration_20261128_162808_staff_reset_throttle from './20261128_162808_staff_reset_throttle'
import * as migration_20261129_162910_progress_cycles from './20261129_162910_progress_cycles'
import * as migration_20261129_170233_auth_sessions from './20261129_170233_auth_sessions'
import * as migration_20261129_174144_email_jobs from './20261129_174144_email_jobs'
import * as migration_20261129_175810_plan_objective_label from './20261129_175810_plan_objective_label'
import * as migration_20261129_200401_updates_array_to_progress_updates from './20261129_200401_updates_array_to_progress_updates'
import * as migration_20261129_232144_latest_version_last_update_at from './20261129_232144_latest_version_last_update_at'

export const migrations = [
  {
    up: migration_20261128_132842_initial.up,
    down: migration_20261128_132842_initial.down,
    name: '20261128_132842_initial',
  },
  {
    up: migration_20261128_162808_staff_reset_throttle.up,
    down: migration_20261128_162808_staff_reset_throttle.down,
    name: '20261128_162808_staff_reset_throttle',
  },
  {
    up: migration_20261129_162910_progress_cycles.up,
    down: migration_20261129_162910_progress_cycles.down,
    name: '20261129_162910_progress_cycles',
  },
  {
    up: migration_20261129_170233_auth_sessions.up,
    down: migration_20261129_170233_auth_sessions.down,
    name: '20261129_170233_auth_sessions',
  },
  {
    up: migration_20261129_174144_email_jobs.up,
    down: migration_20261129_174144_email_jobs.down,
    name: '20261129_174144_email_jobs',
  },
  {
    up: migration_20261129_175810_plan_objective_label.up,
    down: migration_20261129_175810_plan_objective_label.down,
    name: '20261129_175810_plan_objective_label',
  },
  {
    up: migration_20261129_200401_updates_array_to_progress_updates.up,
    down: migration_20261129_200401_updates_array_to_progress_updates.down,
    name: '20261129_200401_updates_array_to_progress_updates',
  },
  {
    up: migration_20261129_232144_latest_version_last_update_at.up,
    down: migration_20261129_232144_latest_version_last_update_at.down,
    name: '20261129_232144_latest_version_last_update_at',
  },
]
