ALTER TABLE "history" DROP CONSTRAINT "history_pkey";--> statement-breakpoint
DROP INDEX "history_instance_id_idx";--> statement-breakpoint
ALTER TABLE "history" ADD CONSTRAINT "history_pkey" PRIMARY KEY("instance_id","id");
