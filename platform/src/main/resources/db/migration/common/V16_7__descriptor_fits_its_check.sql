-- The upload check allows a descriptor of 256 KiB (BundleValidator.MAX_DESCRIPTOR_BYTES), but the
-- column held 200,000 characters: a descriptor of 200 KB passed every check and then failed the
-- insert, answered as a 500. UTF-8 text of 262,144 bytes has at most 262,144 characters.
alter table plugin_releases alter column descriptor set data type varchar(262144);
