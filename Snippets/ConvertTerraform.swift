// An existing Terraform configuration (HCL, Terraform JSON or cdktf's cdk.tf.json) converted to
// typed Swift: generated AWS types, typed references, Swift string interpolation for templates,
// and a report of what stays untyped (`infra-manifest convert PATH --output DIR` does this for
// whole folders and writes the files).
//
// Run: swift run ConvertTerraform

// snippet.hide
import Foundation
import InfraConvert

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("convert-snippet-\(UUID().uuidString)/shop")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }

// snippet.show
let configuration = """
    variable "environment" {
      type    = string
      default = "dev"
    }

    resource "aws_s3_bucket" "assets" {
      bucket = "shop-assets-${var.environment}"
    }

    resource "aws_s3_bucket_versioning" "assets" {
      bucket = aws_s3_bucket.assets.id
      versioning_configuration {
        status = "Enabled"
      }
    }

    output "assets_bucket_arn" {
      value = aws_s3_bucket.assets.arn
    }
    """
try configuration.write(to: folder.appendingPathComponent("main.tf"), atomically: true, encoding: .utf8)

let result = try TerraformConverter(options: ConversionOptions(moduleName: "Shop")).convert([folder.path])
// snippet.hide

for diagnostic in result.diagnostics { print(diagnostic) }
guard !result.diagnostics.hasErrors, let file = result.files.first else { exit(1) }

// snippet.show
print(file.text)  // public enum ShopStack { … AWSS3Bucket("assets", bucket: "shop-assets-\(environment.value)") … }
for entry in result.report.entries { print(entry) }
print("The target depends on:", result.products)
