CREATE TABLE "ops_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"p95_ms" integer,
	"error_rate_pct" real,
	"requests" integer NOT NULL,
	"notified" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ops_alerts_opened_idx" ON "ops_alerts" USING btree ("opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ops_alerts_one_open_idx" ON "ops_alerts" USING btree ("kind") WHERE status = 'open';