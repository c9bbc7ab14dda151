import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * The free-text `updates` array of initiatives becomes progress updates (issue 12): each dated
 * note is an update between cycles, submitted on its date, carrying the initiative's status and
 * progress (the array never recorded them) and the copies of its section, plan, visibility and
 * published state the updates' read rule uses; the initiative's `lastUpdateAt` is its latest.
 * Then the array's tables go. Nothing is dropped before it is copied.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`INSERT INTO \`progress_updates\`
    (\`initiative_id\`, \`cycle_id\`, \`status\`, \`progress\`, \`note\`, \`submitted_at\`,
     \`section_id\`, \`plan_id\`, \`visibility\`, \`published\`, \`created_at\`, \`updated_at\`)
    SELECT u.\`_parent_id\`, NULL, COALESCE(i.\`status\`, 'proposed'), COALESCE(i.\`progress\`, 0),
      u.\`note\`, COALESCE(u.\`date\`, i.\`created_at\`), i.\`section_id\`, i.\`plan_id\`,
      i.\`visibility\`, CASE WHEN i.\`_status\` = 'published' THEN 1 ELSE 0 END,
      COALESCE(u.\`date\`, i.\`created_at\`), COALESCE(u.\`date\`, i.\`created_at\`)
    FROM \`initiatives_updates\` u JOIN \`initiatives\` i ON i.\`id\` = u.\`_parent_id\`
    ORDER BY u.\`_parent_id\`, u.\`_order\`;`)
  await db.run(sql`UPDATE \`initiatives\` SET \`last_update_at\` = (
      SELECT MAX(p.\`submitted_at\`) FROM \`progress_updates\` p
      WHERE p.\`initiative_id\` = \`initiatives\`.\`id\`)
    WHERE \`last_update_at\` IS NULL
      AND \`id\` IN (SELECT \`_parent_id\` FROM \`initiatives_updates\`);`)
  await db.run(sql`DROP TABLE \`initiatives_updates\`;`)
  await db.run(sql`DROP TABLE \`_initiatives_v_version_updates\`;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`initiatives_updates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text,
  	\`note\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`initiatives\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`initiatives_updates_order_idx\` ON \`initiatives_updates\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`initiatives_updates_parent_id_idx\` ON \`initiatives_updates\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_initiatives_v_version_updates\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`date\` text,
  	\`note\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_initiatives_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_initiatives_v_version_updates_order_idx\` ON \`_initiatives_v_version_updates\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_initiatives_v_version_updates_parent_id_idx\` ON \`_initiatives_v_version_updates\` (\`_parent_id\`);`,
  )
}
