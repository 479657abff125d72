package org.everyoneserves.content.files;


public record RoleEntry(String code, String name, String department, Positions positions) {
}
