// Command zpadd adds Zoom Phone users from a terminal, up to 10 at a time.
package main

import "fmt"

func main() {
	fmt.Println("zpadd")
}
