package com.shopverse.catalog.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * What an admin may set on a product. Nothing else is bound: {@code id}, {@code version}, {@code
 * active} or (on update) {@code stock} in a body are ignored; stock changes only through {@code
 * POST /api/catalog/products/{id}/stock} and reservations.
 *
 * @param stock the initial stock; only read on create
 */
record ProductForm(
    @NotBlank @Size(max = 64) String sku,
    @NotBlank @Size(max = 200) String name,
    @Size(max = 5000) String description,
    @NotNull @PositiveOrZero @Max(1_000_000_000) Long priceMinor,
    @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
    @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,32}") String categoryId,
    @Min(0) @Max(1_000_000) Integer stock,
    @Size(max = 50) Map<@Size(max = 64) String, @NotNull @Size(max = 256) String> attributes,
    @Size(max = 10) List<@NotNull @Pattern(regexp = "https://\\S{1,490}") String> imageUrls) {

  ProductForm {
    description = description == null ? "" : description;
    attributes = attributes == null ? Map.of() : attributes;
    imageUrls = imageUrls == null ? List.of() : imageUrls;
  }

  /** A stock change by an admin: units received (positive) or written off (negative). */
  record StockAdjustment(@NotNull @Min(-1_000_000) @Max(1_000_000) Integer delta) {}
}
