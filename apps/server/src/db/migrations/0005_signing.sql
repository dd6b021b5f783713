CREATE TABLE "org_seals" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"cert_pem" text NOT NULL,
	"key_enc" text NOT NULL,
	"serial_hex" text NOT NULL,
	"cert_sha256" text NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_seals_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "signing_authority" (
	"id" text PRIMARY KEY NOT NULL,
	"cert_pem" text NOT NULL,
	"key_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
