import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`plans\` ADD \`objective_label\` text;`)
  await db.run(sql`ALTER TABLE \`_plans_v\` ADD \`version_objective_label\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`plans\` DROP COLUMN \`objective_label\`;`)
  await db.run(sql`ALTER TABLE \`_plans_v\` DROP COLUMN \`version_objective_label\`;`)
}
