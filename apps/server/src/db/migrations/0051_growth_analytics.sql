CREATE TABLE "analytics_channel_costs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_identities" (
	"anonymous_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analytics_identities_anonymous_id_user_id_pk" PRIMARY KEY("anonymous_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_kpi_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kpi" text NOT NULL,
	"period_start" date NOT NULL,
	"actual" numeric NOT NULL,
	"threshold" numeric NOT NULL,
	"owner_user_id" uuid,
	"owner_name" text,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "product_events" ADD COLUMN "anonymous_id" text;--> statement-breakpoint
CREATE INDEX "analytics_channel_costs_idx" ON "analytics_channel_costs" USING btree ("channel","period_start");--> statement-breakpoint
CREATE INDEX "analytics_identities_user_idx" ON "analytics_identities" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_kpi_tasks_period_idx" ON "analytics_kpi_tasks" USING btree ("kpi","period_start");--> statement-breakpoint
CREATE INDEX "product_events_user_idx" ON "product_events" USING btree ("user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "product_events_anon_idx" ON "product_events" USING btree ("anonymous_id","occurred_at");