ALTER TABLE "history" ADD COLUMN "events" jsonb;--> statement-breakpoint
-- Each event recorded so far becomes an entry of its own, in the engine's event shape.
UPDATE "history" SET "events" = jsonb_build_array(
  jsonb_build_object('type', "type", 'at', (extract(epoch FROM "at") * 1000)::bigint)
  || CASE WHEN "element_id" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('elementId', "element_id") END
  || CASE WHEN "element_instance_id" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('elementInstanceId', "element_instance_id") END
  || CASE WHEN "element_type" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('elementType', "element_type") END
  || CASE WHEN "by" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('by', "by") END
  || CASE WHEN "data" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('data', "data") END
);--> statement-breakpoint
ALTER TABLE "history" ALTER COLUMN "events" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "history" DROP COLUMN "type";--> statement-breakpoint
ALTER TABLE "history" DROP COLUMN "element_id";--> statement-breakpoint
ALTER TABLE "history" DROP COLUMN "element_instance_id";--> statement-breakpoint
ALTER TABLE "history" DROP COLUMN "element_type";--> statement-breakpoint
ALTER TABLE "history" DROP COLUMN "by";--> statement-breakpoint
ALTER TABLE "history" DROP COLUMN "at";--> statement-breakpoint
ALTER TABLE "history" DROP COLUMN "data";--> statement-breakpoint
CREATE VIEW "history_events" AS
SELECT
  h."instance_id",
  h."id" AS "entry_id",
  e."position",
  e."event" ->> 'type' AS "type",
  e."event" ->> 'elementId' AS "element_id",
  e."event" ->> 'elementInstanceId' AS "element_instance_id",
  e."event" ->> 'elementType' AS "element_type",
  e."event" ->> 'by' AS "by",
  to_timestamp((e."event" ->> 'at')::double precision / 1000) AS "at",
  e."event" -> 'data' AS "data"
FROM "history" h
CROSS JOIN LATERAL jsonb_array_elements(h."events") WITH ORDINALITY AS e("event", "position");
