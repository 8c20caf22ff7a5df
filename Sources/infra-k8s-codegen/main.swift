print("infra-k8s-codegen: not implemented yet")
