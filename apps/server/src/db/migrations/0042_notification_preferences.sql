CREATE TABLE "notification_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"notification_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"release_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"channels" jsonb NOT NULL,
	"quiet_start" text,
	"quiet_end" text,
	"digest" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "category" text DEFAULT 'system' NOT NULL;--> statement-breakpoint
CREATE INDEX "notification_deliveries_due_idx" ON "notification_deliveries" USING btree ("status","release_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_deliveries_once_idx" ON "notification_deliveries" USING btree ("notification_id","user_id","channel");--> statement-breakpoint
-- the notifications stored before categories: their category from the kind, as notifications.categories.ts maps it
UPDATE "notifications" SET "category" = CASE
  WHEN "kind" LIKE 'tender.%' THEN 'tendering'
  WHEN "kind" LIKE 'contract.%' OR "kind" LIKE 'disputes.%' THEN 'contracts'
  WHEN "kind" LIKE 'escrow.%' OR "kind" LIKE 'settlement.%' OR "kind" LIKE 'finance.%' OR "kind" LIKE 'insurance.%' THEN 'funds'
  WHEN "kind" LIKE 'matching.%' THEN 'matching'
  WHEN "kind" LIKE 'risk.%' THEN 'risk'
  WHEN "kind" LIKE 'tickets.%' THEN 'tickets'
  WHEN "kind" LIKE 'policies.%' THEN 'policies'
  WHEN "kind" LIKE 'security.%' THEN 'security'
  ELSE 'system' END;
