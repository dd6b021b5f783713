CREATE TABLE "analytics_merchant_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"week_start" date NOT NULL,
	"evidence" jsonb NOT NULL,
	"status" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "analytics_saved_analyses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"shared" boolean NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_merchant_alerts_week_idx" ON "analytics_merchant_alerts" USING btree ("org_id","rule","week_start");--> statement-breakpoint
CREATE INDEX "analytics_merchant_alerts_status_idx" ON "analytics_merchant_alerts" USING btree ("status","raised_at");--> statement-breakpoint
CREATE INDEX "analytics_saved_analyses_owner_idx" ON "analytics_saved_analyses" USING btree ("owner_user_id","kind");--> statement-breakpoint
CREATE INDEX "analytics_saved_analyses_shared_idx" ON "analytics_saved_analyses" USING btree ("shared","kind");