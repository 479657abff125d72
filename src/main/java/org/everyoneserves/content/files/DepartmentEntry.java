package org.everyoneserves.content.files;


public record DepartmentEntry(String code, String name, Positions positions) {
}
