import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * 20261129_200401 set `last_update_at` on the initiatives it gave progress updates, but not on
 * their latest versions, which is what the admin's edit view and every `draft: true` read show:
 * a migrated initiative read as never reported there (status and progress editable, then refused
 * on save). Copies the value to each initiative's latest version where that version has none.
 * Touches nothing else: a version written since carries the value already. No schema change.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`UPDATE \`_initiatives_v\` SET \`version_last_update_at\` = (
      SELECT i.\`last_update_at\` FROM \`initiatives\` i WHERE i.\`id\` = \`_initiatives_v\`.\`parent_id\`)
    WHERE \`latest\` = 1
      AND \`version_last_update_at\` IS NULL
      AND \`parent_id\` IN (SELECT \`id\` FROM \`initiatives\` WHERE \`last_update_at\` IS NOT NULL);`)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // the copied values are true; leaving them is the inverse that loses nothing
}
