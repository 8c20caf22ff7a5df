print("infra-codegen: not implemented yet")
