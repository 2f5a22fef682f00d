package io.caravan.platform.tenancy.api;

import io.caravan.platform.shared.api.EmailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of POST /api/stores/{store}/members. */
public record InviteStaffRequest(
        @NotBlank @EmailAddress @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName) {}
