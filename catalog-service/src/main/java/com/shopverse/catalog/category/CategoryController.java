package com.shopverse.catalog.category;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The category tree, public. */
@RestController
class CategoryController {

  /** A category and its subcategories, in id order. */
  record Category(String id, String name, List<Category> children) {}

  private record Flat(String id, String name, String parentId) {}

  private final JdbcClient jdbc;

  CategoryController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/api/catalog/categories")
  List<Category> tree() {
    List<Flat> all =
        jdbc.sql("SELECT id, name, parent_id FROM categories ORDER BY id")
            .query(
                (rs, n) ->
                    new Flat(rs.getString("id"), rs.getString("name"), rs.getString("parent_id")))
            .list();
    Map<String, List<Flat>> children = new LinkedHashMap<>();
    for (Flat category : all) {
      children.computeIfAbsent(category.parentId(), k -> new ArrayList<>()).add(category);
    }
    return build(null, children, 0);
  }

  private static List<Category> build(String parent, Map<String, List<Flat>> children, int depth) {
    if (depth > 16) { // a cycle would be a data error; never recurse forever
      return List.of();
    }
    return children.getOrDefault(parent, List.of()).stream()
        .map(c -> new Category(c.id(), c.name(), build(c.id(), children, depth + 1)))
        .toList();
  }
}
