CREATE TABLE "inventory_qr_lists" (
	"space_id" text NOT NULL,
	"phone_number" text NOT NULL,
	"not_verified" boolean DEFAULT false NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "inventory_qr_lists_space_id_phone_number_pk" PRIMARY KEY("space_id","phone_number")
);
--> statement-breakpoint
ALTER TABLE "inventory_keys" ADD COLUMN "state" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory_qr_lists" ADD CONSTRAINT "inventory_qr_lists_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;