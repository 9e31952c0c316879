CREATE TABLE "inventory_keys" (
	"space_id" text NOT NULL,
	"phone_number" text NOT NULL,
	"public_key" text,
	"key_status" text,
	"fingerprint" text,
	"observed_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "inventory_keys_space_id_phone_number_pk" PRIMARY KEY("space_id","phone_number")
);
--> statement-breakpoint
CREATE TABLE "inventory_numbers" (
	"space_id" text NOT NULL,
	"phone_number" text NOT NULL,
	"record" jsonb NOT NULL,
	"digits" text NOT NULL,
	"verified_name" text,
	"status" text,
	"code_verification_status" text,
	"quality_rating" text,
	"messaging_limit_tier" text,
	"name_status" text,
	"observed_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "inventory_numbers_space_id_phone_number_pk" PRIMARY KEY("space_id","phone_number")
);
--> statement-breakpoint
CREATE TABLE "inventory_qr_codes" (
	"space_id" text NOT NULL,
	"phone_number" text NOT NULL,
	"qrdl_code" text NOT NULL,
	"record" jsonb NOT NULL,
	"prefilled_message" text,
	"observed_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "inventory_qr_codes_space_id_phone_number_qrdl_code_pk" PRIMARY KEY("space_id","phone_number","qrdl_code")
);
--> statement-breakpoint
CREATE TABLE "inventory_syncs" (
	"space_id" text NOT NULL,
	"kind" text NOT NULL,
	"observed_at" timestamp with time zone,
	"last_error" jsonb,
	"last_error_at" timestamp with time zone,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "inventory_syncs_space_id_kind_pk" PRIMARY KEY("space_id","kind")
);
--> statement-breakpoint
ALTER TABLE "inventory_keys" ADD CONSTRAINT "inventory_keys_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_numbers" ADD CONSTRAINT "inventory_numbers_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_qr_codes" ADD CONSTRAINT "inventory_qr_codes_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_syncs" ADD CONSTRAINT "inventory_syncs_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inventory_numbers_digits_idx" ON "inventory_numbers" USING btree ("digits");--> statement-breakpoint
CREATE INDEX "inventory_numbers_status_idx" ON "inventory_numbers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "inventory_syncs_due_idx" ON "inventory_syncs" USING btree ("due_at");