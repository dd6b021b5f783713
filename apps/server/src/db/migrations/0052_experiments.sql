CREATE TABLE "experiment_exposures" (
	"experiment_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"variant" text NOT NULL,
	"first_exposed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "experiment_exposures_experiment_id_unit_id_pk" PRIMARY KEY("experiment_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"hypothesis" text NOT NULL,
	"unit" text NOT NULL,
	"surface" text NOT NULL,
	"variants" jsonb NOT NULL,
	"goal_metric" text NOT NULL,
	"guardrail_metrics" jsonb NOT NULL,
	"ship_threshold_bp" integer NOT NULL,
	"status" text NOT NULL,
	"shipped_variant" text,
	"started_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "experiment_exposures" ADD CONSTRAINT "experiment_exposures_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "experiments_key_uq" ON "experiments" USING btree ("key");--> statement-breakpoint
CREATE INDEX "experiments_surface_idx" ON "experiments" USING btree ("surface","status");--> statement-breakpoint
CREATE UNIQUE INDEX "experiments_one_running_uq" ON "experiments" USING btree ("surface") WHERE status = 'running';